// Long computations in slices: a function written as a C++20 coroutine that pauses (co_yield progress)
// after each slice of work, so a caller with one thread, the browser's UI loop, can run it a few
// milliseconds per frame and keep drawing. Natively, run() drives it to the end in one go; the results are
// the same either way (pausing never changes what is computed).
//
//   Steps work(const Input& in, Output& out) { ... co_yield 0.5; ... }   // in and out outlive the Steps
//   Steps s = work(in, out);
//   while (!s.done()) s.step();      // or: s.run();
//
// An exception thrown inside is kept and rethrown by the step() that resumed it. SliceClock decides where
// the slices end: the work pauses where it may when the clock says a slice has run long enough.
#pragma once
#include <chrono>
#include <cstddef>
#include <exception>
#include <utility>

#if __has_include(<coroutine>)
#include <coroutine>
namespace tabiji::coro {
using std::coroutine_handle;
using std::suspend_always;
} // namespace tabiji::coro
#else // Emscripten 3.1.6's libc++ has the coroutine support of the Coroutines TS only
#include <experimental/coroutine>
namespace tabiji::coro {
using std::experimental::coroutine_handle;
using std::experimental::suspend_always;
} // namespace tabiji::coro
#endif

namespace tabiji {

class Steps {
  public:
    struct promise_type {
        double progress = 0; // 0..1, as last yielded
        std::exception_ptr error;
        Steps get_return_object() { return Steps(coro::coroutine_handle<promise_type>::from_promise(*this)); }
        coro::suspend_always initial_suspend() noexcept { return {}; } // nothing runs before step()
        coro::suspend_always final_suspend() noexcept { return {}; }
        coro::suspend_always yield_value(double p) noexcept {
            progress = p;
            return {};
        }
        void return_void() { progress = 1; }
        void unhandled_exception() { error = std::current_exception(); }
    };

    Steps() = default;
    Steps(Steps&& o) noexcept : h_(std::exchange(o.h_, {})) {}
    Steps& operator=(Steps&& o) noexcept {
        if (this != &o) {
            reset();
            h_ = std::exchange(o.h_, {});
        }
        return *this;
    }
    Steps(const Steps&) = delete;
    Steps& operator=(const Steps&) = delete;
    ~Steps() { reset(); }

    bool done() const { return !h_ || h_.done(); }
    double progress() const { return h_ ? h_.promise().progress : 1; }
    // Runs the next slice. Rethrows what the work threw (the work is then done).
    void step() {
        if (done()) return;
        h_.resume();
        if (h_.promise().error) std::rethrow_exception(std::exchange(h_.promise().error, {}));
    }
    void run() {
        while (!done()) step();
    }

  private:
    explicit Steps(coro::coroutine_handle<promise_type> h) : h_(h) {}
    void reset() {
        if (h_) h_.destroy();
        h_ = {};
    }
    coro::coroutine_handle<promise_type> h_;
};

// Says when a slice has run long enough for a pause; the work asks at its pause points (between layers,
// every few hundred nodes, ...), so a slice lasts about `slice_ms` plus the longest stretch between two.
class SliceClock {
  public:
    explicit SliceClock(double slice_ms = 1) : slice_(std::chrono::duration<double, std::milli>(slice_ms)) {}
    bool due() {
        const auto now = std::chrono::steady_clock::now();
        if (now - start_ < slice_) return false;
        start_ = now;
        return true;
    }

  private:
    std::chrono::duration<double, std::milli> slice_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

} // namespace tabiji
