// One object per area; each turns a case's input into typed calls of the Kotlin API and the
// result into plain JSON-like values, mirroring tests/conformance/src/ops/*.rs.
package complaint_office.conformance

import complaint_office.ComplaintOfficeException
import complaint_office.conformance.ops.*

object Ops {
    fun run(op: String, input: Input): Any? = when (op.substringBefore('.')) {
        "number" -> NumberOps.run(op, input)
        "duration" -> DurationOps.run(op, input)
        "policy" -> PolicyOps.run(op, input)
        "calendar" -> CalendarOps.run(op, input)
        "period" -> PeriodOps.run(op, input)
        "intake" -> IntakeOps.run(op, input)
        "classify" -> ClassifyOps.run(op, input)
        "triage" -> TriageOps.run(op, input)
        "case" -> CaseOps.run(op, input)
        "accountability" -> AccountabilityOps.run(op, input)
        "archive" -> ArchiveOps.run(op, input)
        "privacy" -> PrivacyOps.run(op, input)
        "stats" -> StatsOps.run(op, input)
        "history" -> HistoryOps.run(op, input)
        "office" -> OfficeOps.run(op, input)
        else -> unknownOp(op)
    }

    /** Runs a case: its output, or the code of the error the library raised. */
    fun outcome(case: VectorCase): Outcome = try {
        Outcome.Ok(run(case.op, inputOf(case.input)))
    } catch (e: ComplaintOfficeException) {
        Outcome.Err(e.code())
    } catch (e: VectorError) {
        Outcome.Err(e.code)
    }
}
