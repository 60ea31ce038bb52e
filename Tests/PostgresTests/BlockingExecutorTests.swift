import Dispatch
import Foundation
import Postgres
import XCTest

final class BlockingExecutorTests: XCTestCase {
    func testReturnsValuesAndRethrowsErrors() async throws {
        struct Failure: Error {}
        let executor = BlockingExecutor(label: "test.values")
        let value = try await executor.run { 6 * 7 }
        XCTAssertEqual(value, 42)
        do {
            _ = try await executor.run { () throws -> Int in throw Failure() }
            XCTFail("expected the body's error")
        } catch {
            XCTAssertTrue(error is Failure)
        }
    }

    /// Many jobs that block until a Task on the cooperative pool signals them: if the jobs ran
    /// on the pool (2 threads here) that Task could never run and every job would time out.
    func testBlockingJobsDoNotStarveTheCooperativePool() async throws {
        let jobs = 12
        let executor = BlockingExecutor(label: "test.starve", threads: jobs)
        let gate = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<jobs {
                group.addTask {
                    try await executor.run {
                        started.signal()
                        return gate.wait(timeout: .now() + 10) == .success
                    }
                }
            }
            group.addTask {
                // Runs on the cooperative pool; needs a free pool thread to get here.
                for _ in 0..<jobs { gate.signal() }
                return true
            }
            var all: [Bool] = []
            for try await result in group { all.append(result) }
            return all
        }
        XCTAssertEqual(results.count, jobs + 1)
        XCTAssertTrue(results.allSatisfy { $0 }, "some blocking jobs waited out their timeout: the pool was starved")
        for _ in 0..<jobs { XCTAssertEqual(started.wait(timeout: .now()), .success) }
    }

    func testOneThreadRunsJobsInOrder() async throws {
        let executor = BlockingExecutor(label: "test.order")
        let order = OrderLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                _ = try await executor.run { order.append(index) }
                group.addTask { try await executor.run { order.append(100 + index) } }
            }
            try await group.waitForAll()
        }
        XCTAssertEqual(order.values.filter { $0 < 100 }, Array(0..<20))
        XCTAssertEqual(order.values.count, 40)
    }
}
