package complaint_office.conformance.ops

import complaint_office.Duration
import complaint_office.conformance.*
import complaint_office.parseDurationUnit

object DurationOps {
    fun run(op: String, input: Input): Any? = when (op) {
        "duration.parse" -> input.duration("text").let {
            mapOf("amount" to it.amount(), "unit" to it.unit().toString())
        }
        "duration.format" -> {
            val unit = parseDurationUnit(input.str("unit"))
            Duration(input.long("amount"), unit).toString()
        }
        else -> unknownOp(op)
    }
}
