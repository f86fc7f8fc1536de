package complaint_office.conformance

import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/** Every case of every vector file, one dynamic test each, named `file :: op :: name`. */
class ConformanceTest {
    @TestFactory
    fun vectors(): List<DynamicTest> = Vectors.load().map { case ->
        DynamicTest.dynamicTest("${case.file} :: ${case.op} :: ${case.name}") {
            Compare.check(case.expected, Ops.outcome(case))?.let { fail<Unit>(it) }
        }
    }
}
