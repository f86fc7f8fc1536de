package complaint_office.conformance.ops

import complaint_office.Case
import complaint_office.CheckResult
import complaint_office.Event
import complaint_office.Policy
import complaint_office.PolicySet
import complaint_office.parseRole
import complaint_office.SlaState
import complaint_office.StageDeadline
import complaint_office.conformance.*
import complaint_office.formatInstant
import java.time.OffsetDateTime

object CaseOps {
    private fun eventsOf(input: Input): List<Event> = input.list("events").map { Event.fromJson(Json.write(it)) }

    /** The case, under `input.policies` (a policy set) when given, else `input.policy`. */
    private fun replay(input: Input): Case {
        val events = eventsOf(input)
        if (input.containsKey("policies")) {
            val policies = input.list("policies").map { Policy.fromJson(Json.write(it)) }
            return Case.replayIn(PolicySet(policies), events)
        }
        return Case.replay(input.policy(), events)
    }

    private fun instant(at: OffsetDateTime?): String? = at?.let { formatInstant(it) }

    private fun stage(s: StageDeadline): Map<String, Any?> = mapOf(
        "stage" to s.stage.toString(),
        "round" to s.round,
        "state" to s.state.toString(),
        "calendar" to s.calendar,
        "last_day" to s.lastDay?.toString(),
        "due" to instant(s.due),
        "met_at" to instant(s.metAt),
        "late_working_days" to s.lateWorkingDays,
    )

    fun run(op: String, input: Input): Any? = when (op) {
        "case.event" -> Json.parse(Event.fromJson(Json.write(input.field("event"))).toJson())
        "case.replay" -> {
            val case = replay(input)
            val at = case.lastEventAt()
            val running = setOf(SlaState.OPEN, SlaState.DUE_SOON, SlaState.OVERDUE)
            val open = case.schedule(at).stages.filter { it.state in running }.map {
                mapOf(
                    "stage" to it.stage.toString(),
                    "round" to it.round,
                    "last_day" to it.lastDay?.toString(),
                    "due" to instant(it.due),
                )
            }
            val report = case.compliance(at)
            mapOf(
                "status" to case.status().toString(),
                "number" to case.number()?.toString(),
                "category" to case.category(),
                "department" to case.department(),
                "track" to case.track().toString(),
                "emergency" to case.emergency(),
                "open_deadlines" to open,
                "violations" to report.checks.filter { it.result == CheckResult.VIOLATION }.map { it.rule },
                "allowed_next" to case.allowedNext().map { it.toString() },
            )
        }
        "case.schedule" -> {
            val case = replay(input)
            case.schedule(input.instant("now")).stages.map(::stage)
        }
        "case.compliance" -> {
            val case = replay(input)
            val report = case.compliance(input.instant("now"))
            mapOf(
                "violations" to report.checks.filter { it.result == CheckResult.VIOLATION }.map { it.rule },
                "findings" to report.checks.filter { it.result == CheckResult.FINDING }.map { it.rule },
                "checks" to report.checks.map { mapOf("rule" to it.rule, "clause" to it.clause, "result" to it.result.toString()) },
            )
        }
        "case.view" -> {
            val case = replay(input)
            val view = case.view(parseRole(input.str("role")))
            mapOf(
                "role" to view.role.toString(),
                "number" to view.number?.toString(),
                "status" to view.status.toString(),
                "category" to view.category,
                "department" to view.department,
                "track" to view.track.toString(),
                "emergency" to view.emergency,
                "received_at" to formatInstant(view.receivedAt),
                "personal" to PrivacyOps.personalJson(view.personal),
            )
        }
        "case.record" -> replay(input).record()?.let { r ->
            mapOf(
                "number" to r.number.toString(),
                "received_at" to formatInstant(r.receivedAt),
                "channel" to r.channel,
                "category" to r.category,
                "department" to r.department,
                "severity" to r.severity,
                "closed_at" to instant(r.closedAt),
                "satisfied" to r.satisfied,
                "outcome" to r.outcome,
            )
        }
        else -> unknownOp(op)
    }
}
