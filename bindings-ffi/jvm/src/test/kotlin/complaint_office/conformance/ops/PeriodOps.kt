package complaint_office.conformance.ops

import complaint_office.conformance.*
import complaint_office.formatInstant
import complaint_office.periodEnd

object PeriodOps {
    fun run(op: String, input: Input): Any? {
        val policy = input.policy()
        val start = input.instant("start")
        val duration = input.duration("duration")
        val deadline = periodEnd(policy.calendar(), start, duration)
        return when (op) {
            "period.end" -> mapOf(
                "last_day" to deadline.lastDay.toString(),
                "due" to formatInstant(deadline.due),
                "provisional" to deadline.provisional,
            )
            "period.explain" -> deadline.rules.map { mapOf("rule" to it.name(), "article" to it.article()) }
            else -> unknownOp(op)
        }
    }
}
