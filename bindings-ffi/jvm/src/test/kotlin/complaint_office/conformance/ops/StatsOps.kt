package complaint_office.conformance.ops

import complaint_office.ColumnNames
import complaint_office.ComplaintNumber
import complaint_office.Granularity
import complaint_office.Indicators
import complaint_office.Ledger
import complaint_office.LedgerRecord
import complaint_office.Leniency
import complaint_office.Policy
import complaint_office.Report
import complaint_office.ReportOptions
import complaint_office.ReportPeriod
import complaint_office.TimeLimit
import complaint_office.conformance.*
import complaint_office.defaultCsvOptions
import complaint_office.formatInstant
import complaint_office.parseGranularity
import complaint_office.parseInstant

object StatsOps {
    private val recordKeys = setOf(
        "number", "received_at", "channel", "category", "department", "severity", "closed_at", "satisfied",
        // The case columns.
        "track", "outcome", "rehandled", "follow_up_satisfied", "complainant_key",
        "registration", "plan", "feedback", "follow_up",
    )

    fun run(op: String, input: Input): Any? = when (op) {
        "stats.report" -> {
            val policy = input.policy()
            val options = reportOptions(input)
            val records = input.list("records").map(::record)
            val ledger = Ledger.fromRecords(records, leniency(input))
            reportJson(Report.build(ledger, options, policy))
        }
        "stats.report_csv" -> {
            val policy = input.policy()
            val options = reportOptions(input)
            var csv = defaultCsvOptions().copy(leniency = leniency(input))
            if (present(input, "columns") != null) csv = csv.copy(columns = columns(csv.columns, input["columns"]))
            if (present(input, "delimiter") != null) csv = csv.copy(delimiter = input.str("delimiter"))
            // `csv_base64` carries bytes JSON cannot: invalid UTF-8, stray NULs.
            val ledger = if (present(input, "csv_base64") != null) {
                Ledger.fromCsvBytes(input.base64("csv_base64"), csv, policy)
            } else {
                Ledger.fromCsv(input.str("csv"), csv, policy)
            }
            reportJson(Report.build(ledger, options, policy))
        }
        "stats.period_of" -> {
            val policy = input.policy()
            val granularity = granularity(input)
            val at = input.instant("at")
            val office = policy.officeOffset()
            val period = ReportPeriod.ofInstant(at, granularity, office)
            mapOf(
                "period" to period.toString(),
                "start" to formatInstant(period.start(office)),
                "end" to formatInstant(period.end(office)),
            )
        }
        else -> unknownOp(op)
    }

    /** A key that is there and not null. */
    private fun present(input: Input, key: String): Any? = input[key]

    private fun granularity(input: Input): Granularity = parseGranularity(input.str("granularity"))

    fun reportOptions(input: Input): ReportOptions {
        fun period(key: String): ReportPeriod? =
            if (present(input, key) == null) null else ReportPeriod.parse(input.str(key))
        return ReportOptions(granularity(input), period("from"), period("to"))
    }

    private fun leniency(input: Input): Leniency = when (val v = present(input, "lenient")) {
        null, false -> Leniency.STRICT
        true -> Leniency.LENIENT
        else -> throw VectorError("vector.not_a_bool:lenient")
    }

    /** Column names as a host configures them: the defaults, with the keys given. */
    private fun columns(defaults: ColumnNames, value: Any?): ColumnNames {
        val obj = value as? Map<*, *> ?: throw VectorError("vector.bad_value:columns")
        var c = defaults
        for ((key, v) in obj) {
            val name = v as? String ?: throw VectorError("vector.bad_value:columns")
            c = when (key) {
                "number" -> c.copy(number = name)
                "received_at" -> c.copy(receivedAt = name)
                "channel" -> c.copy(channel = name)
                "category" -> c.copy(category = name)
                "department" -> c.copy(department = name)
                "severity" -> c.copy(severity = name)
                "closed_at" -> c.copy(closedAt = name)
                "satisfied" -> c.copy(satisfied = name)
                else -> throw VectorError("vector.bad_value:columns")
            }
        }
        return c
    }

    /** A record as a host builds one: the number and instants parsed at the edge. */
    private fun record(value: Any?): LedgerRecord {
        val obj = value as? Map<*, *> ?: throw VectorError("vector.not_an_object:records")
        obj.keys.firstOrNull { it !in recordKeys }?.let { throw VectorError("vector.unknown_key:$it") }
        fun optionalStr(key: String): String? = when (val v = obj[key]) {
            null -> null
            is String -> v
            else -> throw VectorError("vector.not_a_string:$key")
        }
        val number = ComplaintNumber.parse(obj.str("number"))
        val receivedAt = obj.instant("received_at")
        val category = obj.str("category")
        val department = obj.str("department")
        val channel = optionalStr("channel")
        val severity = optionalStr("severity")
        val closedAt = optionalStr("closed_at")?.let { parseInstant(it) }
        fun flag(key: String): Boolean? = when (val v = obj[key]) {
            null -> null
            is Boolean -> v
            else -> throw VectorError("vector.not_a_bool:$key")
        }
        fun limit(key: String): TimeLimit? {
            val l = obj[key] ?: return null
            val m = l as? Map<*, *> ?: throw VectorError("vector.not_an_object:$key")
            return TimeLimit(m.instant("due"), if (m["met_at"] == null) null else m.instant("met_at"))
        }
        return LedgerRecord(
            number, receivedAt, channel, category, department, severity, closedAt, flag("satisfied"),
            outcome = optionalStr("outcome"),
            track = optionalStr("track"),
            rehandled = flag("rehandled"),
            followUpSatisfied = flag("follow_up_satisfied"),
            complainantKey = optionalStr("complainant_key"),
            registration = limit("registration"),
            plan = limit("plan"),
            feedback = limit("feedback"),
            followUp = limit("follow_up"),
        )
    }

    /** A record in the shape `stats.report` reads, instants in the office offset. */
    fun recordJson(r: LedgerRecord, office: java.time.ZoneOffset): Map<String, Any?> {
        fun at(t: java.time.OffsetDateTime) = formatInstant(t.withOffsetSameInstant(office))
        fun limit(l: TimeLimit?) = l?.let { mapOf("due" to at(it.due), "met_at" to it.metAt?.let(::at)) }
        return mapOf(
            "number" to r.number.toString(),
            "received_at" to at(r.receivedAt),
            "channel" to r.channel,
            "category" to r.category,
            "department" to r.department,
            "severity" to r.severity,
            "closed_at" to r.closedAt?.let(::at),
            "satisfied" to r.satisfied,
            "track" to r.track,
            "outcome" to r.outcome,
            "rehandled" to r.rehandled,
            "follow_up_satisfied" to r.followUpSatisfied,
            "complainant_key" to r.complainantKey,
            "registration" to limit(r.registration),
            "plan" to limit(r.plan),
            "feedback" to limit(r.feedback),
            "follow_up" to limit(r.followUp),
        )
    }

    /** The office indicators' keys, which sit beside the others in a period's JSON. */
    private fun indicatorsJson(i: Indicators): Map<String, Any?> = mapOf(
        "by_track" to i.byTrack,
        "by_outcome" to i.byOutcome,
        "on_time" to i.onTime.mapValues { (_, t) ->
            mapOf("due" to t.due, "on_time" to t.onTime, "late" to t.late, "overdue" to t.overdue, "rate" to t.rate)
        },
        "handling_working_days" to i.handlingWorkingDays.let {
            mapOf("mean" to it.mean, "median" to it.median, "p90" to it.p90)
        },
        "rehandled" to i.rehandled,
        "rehandling_rate" to i.rehandlingRate,
        "follow_up_satisfaction_rate" to i.followUpSatisfactionRate,
        "repeat" to i.repeat,
        "repeat_rate" to i.repeatRate,
    )

    /** The report in the documented JSON shape, from its typed parts. */
    fun reportJson(report: Report): Map<String, Any?> {
        fun trend(t: complaint_office.Trend) =
            mapOf("name" to t.name, "total" to t.total, "slope" to t.slope, "percent" to t.percent)
        return mapOf(
            "granularity" to report.granularity().toString(),
            "periods" to report.periods().map { p ->
                mapOf(
                    "period" to p.period.toString(),
                    "total" to p.total,
                    "by_category" to p.byCategory,
                    "by_department" to p.byDepartment,
                    "by_channel" to p.byChannel,
                    "by_severity" to p.bySeverity,
                    "closed" to p.closed,
                    "handling_hours" to mapOf(
                        "mean" to p.handlingHours.mean,
                        "median" to p.handlingHours.median,
                        "p90" to p.handlingHours.p90,
                    ),
                    "satisfaction_rate" to p.satisfactionRate,
                    "open_at_end" to p.openAtEnd,
                    "change" to p.change?.let { mapOf("absolute" to it.absolute, "percent" to it.percent) },
                ) + (p.indicators?.let(::indicatorsJson) ?: emptyMap())
            },
            "growth" to report.growth().let { g ->
                mapOf("categories" to g.categories.map(::trend), "departments" to g.departments.map(::trend))
            },
            "rejected" to report.rejected().map { mapOf("line" to it.line, "column" to it.column, "code" to it.code) },
        )
    }
}
