// The one MapState.
#include "map_state.hpp"

namespace tabiji::web {

MapState& map_state() {
    static MapState state;
    return state;
}

} // namespace tabiji::web
