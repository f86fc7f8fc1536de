package complaint_office.conformance.ops

import complaint_office.ComplaintNumber
import complaint_office.conformance.*
import complaint_office.nextNumberAt

object NumberOps {
    fun run(op: String, input: Input): Any? = when (op) {
        "number.parse" -> ComplaintNumber.parse(input.str("text")).use {
            mapOf("year" to it.year().toLong(), "month" to it.month().toLong(), "serial" to it.serial().toLong())
        }
        "number.format" -> {
            val (year, month, serial) = listOf("year", "month", "serial").map { input.long(it).clampToInt() }
            ComplaintNumber(year, month, serial).use { it.toString() }
        }
        "number.next" -> {
            val policy = input.policy()
            val issued = input.list("issued").map {
                ComplaintNumber.parse(it as? String ?: throw VectorError("vector.not_a_string:issued"))
            }
            nextNumberAt(issued, input.instant("at"), policy.officeOffset()).toString()
        }
        else -> unknownOp(op)
    }
}
