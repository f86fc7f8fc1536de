package complaint_office.conformance.ops

import complaint_office.Caseload
import complaint_office.Policy
import complaint_office.Refused
import complaint_office.Reminder
import complaint_office.Report
import complaint_office.Worklist
import complaint_office.WorklistOptions
import complaint_office.conformance.*
import complaint_office.formatInstant
import complaint_office.parseActor
import complaint_office.parseRole

object OfficeOps {
    fun run(op: String, input: Input): Any? {
        val policy = input.policy()
        return when (op) {
            "office.worklist" -> {
                val caseload = caseload(input, policy)
                val view = parseRole(input.str("view"))
                val department = input["department"]?.let { it as? String ?: throw VectorError("vector.not_a_string:department") }
                val role = if (input["role"] != null) parseActor(input.str("role")) else null
                worklistJson(caseload.worklist(input.instant("now"), WorklistOptions(view, department, role)))
            }
            "office.reminders" -> {
                val caseload = caseload(input, policy)
                val reminders = caseload.reminders(input.instant("from"), input.instant("to"))
                mapOf("reminders" to reminders.map(::reminderJson), "refused" to caseload.refused().map(::refusedJson))
            }
            "office.ledger" -> {
                val ledger = caseload(input, policy).ledger(input.instant("now"))
                val office = policy.officeOffset()
                mapOf(
                    "records" to ledger.records().map { StatsOps.recordJson(it, office) },
                    "rejected" to ledger.rejected().map { mapOf("line" to it.line, "column" to it.column, "code" to it.code) },
                )
            }
            "office.report" -> {
                val ledger = caseload(input, policy).ledger(input.instant("now"))
                StatsOps.reportJson(Report.build(ledger, StatsOps.reportOptions(input), policy))
            }
            else -> unknownOp(op)
        }
    }

    /** The caseload of `input.cases`: the histories as a host stores them, handed over as JSON text. */
    private fun caseload(input: Input, policy: Policy): Caseload = Caseload.fromJson(policy, Json.write(input.field("cases")))

    private fun worklistJson(list: Worklist): Map<String, Any?> = mapOf(
        "now" to formatInstant(list.now),
        "entries" to list.entries.map { e ->
            mapOf(
                "index" to e.index,
                "key" to e.key,
                "number" to e.number?.toString(),
                "status" to e.status.toString(),
                "stage" to e.stage?.toString(),
                "round" to e.round,
                "clause" to e.clause,
                "state" to e.state.toString(),
                "due" to e.due?.let { formatInstant(it) },
                "last_day" to e.lastDay?.toString(),
                "remaining_seconds" to e.remainingSeconds,
                "late_seconds" to e.lateSeconds,
                "late_working_days" to e.lateWorkingDays,
                "act" to e.act.toString(),
                "department" to e.department,
                "category" to e.category,
                "track" to e.track.toString(),
                "emergency" to e.emergency,
                "queue_key" to e.queueKey,
                "received_at" to formatInstant(e.receivedAt),
                "complainant" to e.complainant?.let {
                    mapOf(
                        "complainant_name" to it.complainantName,
                        "contact_phone" to it.contactPhone,
                        "contact_email" to it.contactEmail,
                        "id_number" to it.idNumber,
                        "content" to it.content,
                    )
                },
            )
        },
        "counts" to list.counts.let {
            mapOf(
                "total" to it.total,
                "by_state" to it.byState,
                "by_stage" to it.byStage,
                "by_department" to it.byDepartment,
                "by_actor" to it.byActor,
            )
        },
        "refused" to list.refused.map(::refusedJson),
    )

    private fun reminderJson(r: Reminder): Map<String, Any?> = mapOf(
        "id" to r.id,
        "at" to formatInstant(r.at),
        "placed_at" to formatInstant(r.placedAt),
        "moved" to r.moved,
        "index" to r.index,
        "key" to r.key,
        "number" to r.number?.toString(),
        "stage" to r.stage.toString(),
        "round" to r.round,
        "clause" to r.clause,
        "rung" to r.rung,
        "place" to r.place,
        "to" to r.to.toString(),
        "department" to r.department,
        "due" to formatInstant(r.due),
        "emergency" to r.emergency,
    )

    private fun refusedJson(r: Refused): Map<String, Any?> =
        mapOf("index" to r.index, "key" to r.key, "code" to r.code, "clause" to r.clause, "event" to r.event)
}
