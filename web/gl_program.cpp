// Shader compilation with readable errors: which program, which stage, and the compiler's log.
#include "gl_program.hpp"

#include <cstdio>
#include <vector>

namespace tabiji::web {

namespace {

std::string info_log(GLuint object, bool is_program) {
    GLint length = 0;
    if (is_program)
        glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    else
        glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> text(static_cast<size_t>(length > 0 ? length : 1) + 1, '\0');
    if (is_program)
        glGetProgramInfoLog(object, length, nullptr, text.data());
    else
        glGetShaderInfoLog(object, length, nullptr, text.data());
    return text.data();
}

GLuint compile(GLenum stage, const char* source, std::string& error, const std::string& what) {
    GLuint shader = glCreateShader(stage);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        error = what + " failed to compile:\n" + info_log(shader, false);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

} // namespace

GlProgram build_program(const char* name, const char* vertex_source, const char* fragment_source) {
    GlProgram program;
    const std::string base = std::string("shader '") + name;
    GLuint vs = compile(GL_VERTEX_SHADER, vertex_source, program.error, base + ".vert'");
    GLuint fs = vs ? compile(GL_FRAGMENT_SHADER, fragment_source, program.error, base + ".frag'") : 0;
    if (vs && fs) {
        GLuint id = glCreateProgram();
        glAttachShader(id, vs);
        glAttachShader(id, fs);
        glLinkProgram(id);
        GLint ok = GL_FALSE;
        glGetProgramiv(id, GL_LINK_STATUS, &ok);
        if (ok == GL_TRUE)
            program.id = id;
        else {
            program.error = base + "' failed to link:\n" + info_log(id, true);
            glDeleteProgram(id);
        }
    }
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    if (!program.error.empty()) std::fprintf(stderr, "tabiji: %s\n", program.error.c_str());
    return program;
}

} // namespace tabiji::web
