package complaint_office.conformance.ops

import complaint_office.Calendar
import complaint_office.conformance.*

object CalendarOps {
    private fun Input.longs(key: String): List<Long> = list(key).map {
        when (it) {
            is Long -> it
            is Int -> it.toLong()
            else -> throw VectorError("vector.not_an_integer:$key")
        }
    }

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
            "calendar.day" -> cal.day(input.date("date")).let { d ->
                mapOf(
                    "date" to d.date.toString(),
                    "working" to d.working,
                    "kind" to d.kind.toString(),
                    "reason" to d.reason.toString(),
                    "festival" to d.festival?.toString(),
                    "labels" to d.labels?.let { mapOf("zh_hant" to it.zhHant, "zh_hans" to it.zhHans, "en" to it.en) },
                    "in_lieu_of" to d.inLieuOf?.toString(),
                    "decided_by" to d.decidedBy.toString(),
                    "regulation" to d.regulation?.toString(),
                    "source" to d.source?.let {
                        mapOf("title" to it.title, "number" to it.number, "date" to it.date?.toString(), "kind" to it.kind.toString())
                    },
                    "covered" to d.covered,
                    "provisional" to d.provisional,
                )
            }
            "calendar.covered_range" -> cal.coveredRange()?.let {
                mapOf("first" to it.first.toString(), "last" to it.last.toString())
            }
            "calendar.is_working_epoch_day" -> cal.isWorkingEpochDay(input.long("day"))
            "calendar.add_working_days_to_epoch_day" -> cal.addWorkingDaysToEpochDay(input.long("day"), input.long("days"))
            "calendar.is_working_day_epoch" -> cal.isWorkingDayEpoch(input.longs("epoch_days"))
            "calendar.add_working_days_epoch" -> cal.addWorkingDaysEpoch(input.longs("epoch_days"), input.longs("days"))
            "calendar.working_days_between_epoch" -> cal.workingDaysBetweenEpoch(input.longs("from"), input.longs("to"))
            else -> unknownOp(op)
        }
    }
}
