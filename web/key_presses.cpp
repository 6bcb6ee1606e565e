#include "key_presses.hpp"

#include <GLFW/glfw3.h>
#include <vector>

namespace tabiji::web {

namespace {
struct Press {
    int key, mods;
};
std::vector<Press> pending, current;

void on_key(GLFWwindow*, int key, int, int action, int mods) {
    if (action == GLFW_PRESS) pending.push_back({key, mods});
}
} // namespace

void install_key_presses(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_key);
}

void key_presses_new_frame() {
    current.swap(pending);
    pending.clear();
}

bool key_pressed(int key, int* mods) {
    for (const Press& p : current)
        if (p.key == key) {
            if (mods) *mods = p.mods;
            return true;
        }
    return false;
}

} // namespace tabiji::web
