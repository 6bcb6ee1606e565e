// Compiling and linking a GLSL ES 3.00 program, with the driver's log reported clearly on failure.
#pragma once
#include <GLES3/gl3.h>

#include <string>

namespace tabiji::web {

struct GlProgram {
    GLuint id = 0;
    std::string error; // empty when compiled and linked
    explicit operator bool() const { return id != 0; }
};

// `name` is used in messages only (e.g. "node"). Never throws; on failure id is 0 and error says why.
GlProgram build_program(const char* name, const char* vertex_source, const char* fragment_source);

} // namespace tabiji::web
