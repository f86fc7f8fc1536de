package example;

import static complaint_office.Complaint_office_ffiKt.assess;
import static complaint_office.Complaint_office_ffiKt.periodEnd;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import complaint_office.Case;
import complaint_office.ComplaintNumber;
import complaint_office.Complexity;
import complaint_office.Severity;
import complaint_office.TriageAssessment;
import complaint_office.Urgency;
import complaint_office.ComplaintOfficeException;
import complaint_office.Deadline;
import complaint_office.Event;
import complaint_office.NumberAllocator;
import complaint_office.NumberSequences;
import complaint_office.Policy;
import complaint_office.StageDeadline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What an OA system does when a complaint arrives: load the company's policy file, give the
 * complaint its number (§2.2.3), open its case, triage it (§2.2.4) and print the deadlines it
 * now runs against.
 */
public final class OaDeadlines {
    public static void main(String[] args) throws Exception {
        Path policyFile = Path.of(args.length > 0 ? args[0] : "policy.toml");
        Policy policy = Policy.Companion.fromToml(Files.readString(policyFile, StandardCharsets.UTF_8));
        System.out.println("Policy: " + policy.name() + " (office time " + policy.officeOffset() + ")");

        // The OA system's ledger already holds two numbers this month.
        NumberSequences ledger = NumberSequences.Companion.fromIssued(List.of(
                ComplaintNumber.Companion.parse("25090001"), ComplaintNumber.Companion.parse("25090002")));
        NumberAllocator allocator = NumberAllocator.Companion.withSequences(policy.officeOffset(), ledger);

        OffsetDateTime received = OffsetDateTime.parse("2025-09-26T10:00:00+08:00");
        ComplaintNumber number = allocator.allocate(received);
        System.out.println("Complaint number: " + number);

        String receivedEvent = "{\"type\": \"received\", \"at\": \"" + ISO_OFFSET_DATE_TIME.format(received) + "\""
                + ", \"channel\": \"oa\", \"complainant_kind\": \"employee\", \"name\": \"王五\","
                + " \"contact\": \"wangwu@example.com\", \"content\": \"Overtime pay is missing.\"}";
        Case complaint = Case.Companion.open(policy, Event.Companion.fromJson(receivedEvent));
        complaint.apply(Event.Companion.fromJson("{\"type\": \"registered\", \"at\": \"2025-09-26T11:00:00+08:00\","
                + " \"number\": \"" + number + "\"}"));
        System.out.println("Status: " + complaint.status());

        // §2.2.4: initial assessment; an urgent serious complaint starts the emergency procedure.
        TriageAssessment triage = assess(policy, Severity.SERIOUS, Urgency.URGENT, Complexity.COMPLEX);
        System.out.println("Triage: track " + triage.getTrack() + ", priority " + triage.getPriority()
                + (triage.getEmergency() ? ", EMERGENCY procedure" : ""));
        complaint.apply(Event.Companion.fromJson("{\"type\": \"assessed\", \"at\": \"2025-09-26T11:30:00+08:00\","
                + " \"severity\": \"serious\", \"urgency\": \"urgent\", \"complexity\": \"complex\"}"));

        OffsetDateTime now = OffsetDateTime.parse("2025-09-29T09:00:00+08:00");
        System.out.println("Deadlines at " + now + ":");
        for (StageDeadline stage : complaint.schedule(now).getStages()) {
            System.out.printf("  %-12s %-8s last day %-10s due %s%n", stage.getStage(), stage.getState(),
                    Objects.toString(stage.getLastDay(), "-"), Objects.toString(stage.getDue(), "-"));
        }

        // The limits still ahead, if handling were complete today.
        Deadline feedback = periodEnd(policy.calendar(), now, policy.deadlines().getFeedback());
        System.out.println("Feedback (" + policy.deadlines().getFeedback() + ") if handled now: due "
                + feedback.getDue());

        try {
            ComplaintNumber.Companion.parse("25130001");
        } catch (ComplaintOfficeException e) {
            System.out.println("A bad number is refused: " + e.code() + " (" + e.clause() + ")");
        }
    }
}
