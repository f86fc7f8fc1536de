package complaint_office;

import static complaint_office.Complaint_office_ffiKt.assess;
import static complaint_office.Complaint_office_ffiKt.checkIntake;
import static complaint_office.Complaint_office_ffiKt.parseInstant;
import static complaint_office.Complaint_office_ffiKt.periodEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The library called the way a Java OA system calls it: plain Java, java.time, exceptions. */
class JavaOaTest {
    private static final String POLICY_TOML =
            "name = \"OA\"\noffice_offset = \"+08:00\"\n[deadlines]\nplan = \"10 working days\"\n";

    @Test
    void loadsAPolicyFileWithItsDefaults() throws Exception {
        Policy policy = Policy.Companion.fromToml(POLICY_TOML);
        assertEquals("OA", policy.name());
        assertEquals(ZoneOffset.ofHours(8), policy.officeOffset());
        assertEquals("10 working days", policy.deadlines().getPlan().toString());
        assertEquals("3 working days", policy.deadlines().getFeedback().toString());
        assertEquals(DurationUnit.WORKING_DAYS, policy.deadlines().getPlan().unit());
    }

    @Test
    void aTypoInThePolicyNamesTheKey() {
        ComplaintOfficeException e = assertThrows(ComplaintOfficeException.class,
                () -> Policy.Companion.fromToml("[deadlines]\nplann = \"10 days\"\n"));
        assertEquals("policy.unknown_key", e.code());
        assertInstanceOf(ComplaintOfficeException.Policy.class, e);
        assertEquals(true, e.getMessage().contains("deadlines.plann"));
    }

    @Test
    void numbersComplaintsFromManyThreadsWithoutGapOrDuplicate() throws Exception {
        NumberAllocator allocator = new NumberAllocator(ZoneOffset.ofHours(8));
        // 17:30 UTC on 31 May is 01:30 on 1 June in Beijing: a June number.
        OffsetDateTime at = OffsetDateTime.parse("2023-05-31T17:30:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(pool.submit(() -> allocator.allocate(at).toString()));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<String> f : futures) {
            numbers.add(f.get());
        }
        pool.shutdown();
        Collections.sort(numbers);
        for (int i = 0; i < 40; i++) {
            assertEquals(String.format("2306%04d", i + 1), numbers.get(i));
        }
    }

    @Test
    void feedbackDeadlineSkipsNationalDay() throws Exception {
        Policy policy = new Policy();
        Deadline feedback = periodEnd(policy.calendar(),
                OffsetDateTime.parse("2025-09-26T10:00:00+08:00"), policy.deadlines().getFeedback());
        assertEquals(LocalDate.of(2025, 9, 30), feedback.getLastDay());
        assertEquals(OffsetDateTime.parse("2025-10-01T00:00:00+08:00"), feedback.getDue());
        Deadline registration = periodEnd(policy.calendar(),
                OffsetDateTime.parse("2025-09-30T16:00:00+08:00"), policy.deadlines().getRegistration());
        assertEquals(LocalDate.of(2025, 10, 9), registration.getLastDay());
    }

    @Test
    void replaysACaseAndReadsItsSchedule() throws Exception {
        String events = "["
                + "{\"type\": \"received\", \"at\": \"2025-09-26T10:00:00+08:00\", \"channel\": \"oa\","
                + " \"complainant_kind\": \"employee\", \"name\": \"張三\", \"contact\": \"13812345678\","
                + " \"content\": \"The canteen charged twice.\"},"
                + "{\"type\": \"registered\", \"at\": \"2025-09-26T11:00:00+08:00\", \"number\": \"25090001\"}"
                + "]";
        Case c = Case.Companion.replayJson(new Policy(), events);
        assertEquals(Status.REGISTERED, c.status());
        assertEquals("registered", c.status().toString());
        assertEquals("25090001", c.number().toString());
        Schedule schedule = c.schedule(OffsetDateTime.parse("2025-10-01T09:00:00+08:00"));
        StageDeadline plan = schedule.getStages().stream()
                .filter(s -> s.getStage() == Stage.PLAN).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2025, 10, 11), plan.getLastDay());
        assertEquals(SlaState.OPEN, plan.getState());
    }

    @Test
    void refusedEventsKeepTheCaseAndNameTheClause() throws Exception {
        Case c = Case.Companion.open(new Policy(), Event.Companion.fromJson(
                "{\"type\": \"received\", \"at\": \"2025-09-26T10:00:00+08:00\", \"channel\": \"hotline\","
                        + " \"complainant_kind\": \"customer\", \"name\": \"李四\", \"contact\": \"13900000000\","
                        + " \"content\": \"late delivery\"}"));
        Event approve = Event.Companion.fromJson(
                "{\"type\": \"plan_approved\", \"at\": \"2025-09-27T10:00:00+08:00\", \"role\": \"management\"}");
        ComplaintOfficeException e = assertThrows(ComplaintOfficeException.class, () -> c.apply(approve));
        assertEquals("case.transition_not_allowed", e.code());
        assertEquals("§4.2", e.clause());
        assertEquals(Status.RECEIVED, c.status());
    }

    @Test
    void checksAComplaintAtIntakeAndTriagesIt() throws Exception {
        Policy policy = new Policy();
        Complaint fromCustomerOnOa = new Complaint(Channel.OA, ComplainantKind.CUSTOMER, "趙六", "13812345678",
                OffsetDateTime.parse("2025-09-26T10:00:00+08:00"), "wrong invoice", null);
        IntakeReport report = checkIntake(policy, fromCustomerOnOa);
        assertEquals(false, report.getAdmissible());
        assertEquals("§2.1.4", report.getViolations().get(0).getClause());
        Complaint noContact = new Complaint(Channel.HOTLINE, ComplainantKind.CUSTOMER, "趙六", null,
                OffsetDateTime.parse("2025-09-26T10:00:00+08:00"), "wrong invoice", null);
        assertEquals(List.of(RegistrationField.CONTACT), checkIntake(policy, noContact).getMissing());
        TriageAssessment triage = assess(policy, Severity.MAJOR, Urgency.URGENT, Complexity.SIMPLE);
        assertEquals(true, triage.getEmergency());
        assertEquals(Track.MAJOR, triage.getTrack());
    }

    @Test
    void runsTheMorningWorklistFromStoredHistories() throws Exception {
        // The histories as the OA system keeps them: one JSON array per case, with its record id.
        String received = "{\"type\": \"received\", \"at\": \"%s\", \"channel\": \"oa\","
                + " \"complainant_kind\": \"employee\", \"name\": \"張三\", \"contact\": \"13812345678\","
                + " \"content\": \"The canteen charged twice.\"}";
        String histories = "["
                + "{\"key\": \"oa-101\", \"events\": [" + String.format(received, "2025-09-26T10:00:00+08:00") + ","
                + " {\"type\": \"registered\", \"at\": \"2025-09-26T11:00:00+08:00\", \"number\": \"25090001\"},"
                + " {\"type\": \"classified\", \"at\": \"2025-09-26T12:00:00+08:00\", \"category\": \"management\"}]},"
                + "{\"key\": \"oa-102\", \"events\": [" + String.format(received, "2025-10-21T16:00:00+08:00") + "]}"
                + "]";
        Caseload caseload = Caseload.Companion.fromJson(new Policy(), histories);
        // What the administration department sees on Wednesday morning: its own case, without who complained.
        Worklist list = caseload.worklist(OffsetDateTime.parse("2025-10-22T09:00:00+08:00"),
                new WorklistOptions(Role.DEPARTMENT, "administration", null));
        assertEquals(1, list.getEntries().size());
        WorklistEntry entry = list.getEntries().get(0);
        assertEquals("oa-101", entry.getKey());
        assertEquals("25090001", entry.getNumber().toString());
        assertEquals(Stage.PLAN, entry.getStage());
        assertEquals(SlaState.OVERDUE, entry.getState());
        assertEquals(Actor.COMPLAINT_OFFICE, entry.getAct());
        assertEquals(null, entry.getComplainant());
        assertEquals(Long.valueOf(1), list.getCounts().getByState().get("overdue"));
        ComplaintOfficeException e = assertThrows(ComplaintOfficeException.class,
                () -> caseload.reminders(OffsetDateTime.parse("2025-10-22T09:00:00+08:00"),
                        OffsetDateTime.parse("2025-10-22T08:00:00+08:00")));
        assertEquals("office.invalid_window", e.code());
    }

    @Test
    void badInputIsAnErrorWithACode() {
        ComplaintOfficeException noOffset = assertThrows(ComplaintOfficeException.class,
                () -> parseInstant("2023-05-31T17:30:00"));
        assertEquals("time.missing_offset", noOffset.code());
        ComplaintOfficeException month = assertThrows(ComplaintOfficeException.class,
                () -> ComplaintNumber.Companion.parse("23130001"));
        assertEquals("number.invalid_month", month.code());
        assertEquals("§2.2.3", month.clause());
        assertEquals("number.invalid_month", ((ComplaintOfficeException.Number) month).getCode());
        // A java.time value the core cannot accept is refused with the core's code, not a crash.
        ComplaintOfficeException year3000 = assertThrows(ComplaintOfficeException.class,
                () -> Calendar.Companion.cn().isWorkingDay(LocalDate.of(3000, 1, 1)));
        assertEquals("time.out_of_range", year3000.code());
    }
}
