package complaint_office.conformance.ops

import complaint_office.Calendar
import complaint_office.conformance.*

object CalendarOps {
    /** The case's calendar: the policy's, with `holiday_cn` data loaded when given. */
    private fun calendarOf(input: Input): Calendar {
        val calendar = input.policy().calendar()
        if (!input.containsKey("holiday_cn")) return calendar
        return when (val data = input["holiday_cn"]) {
            is String -> calendar.withHolidayCn(data)
            else -> calendar.withHolidayCn(Json.write(data))
        }
    }

    fun run(op: String, input: Input): Any? {
        val cal = calendarOf(input)
        return when (op) {
            "calendar.is_working_day" -> cal.isWorkingDay(input.date("date"))
            "calendar.add_working_days" -> cal.addWorkingDays(input.date("date"), input.long("days")).toString()
            "calendar.working_days_between" -> cal.workingDaysBetween(input.date("from"), input.date("to"))
            "calendar.day" -> cal.day(input.date("date")).let {
                mapOf(
                    "date" to it.date.toString(),
                    "working" to it.working,
                    "kind" to it.kind.toString(),
                    "festival" to it.festival?.toString(),
                    "covered" to it.covered,
                )
            }
            "calendar.covered_range" -> cal.coveredRange()?.let {
                mapOf("first" to it.first.toString(), "last" to it.last.toString())
            }
            else -> unknownOp(op)
        }
    }
}
