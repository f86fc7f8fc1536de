package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.nio.charset.Charset
import java.time.OffsetDateTime
import java.util.Base64

/** E-mail intake (§2.1.1) from the bytes a JVM mail client hands over, in the charsets Chinese mail uses. */
class EmailIntakeTest {
    private val name = "张三"
    private val address = "zhang.san@example.net"

    /** An encoded word (RFC 2047, B) of [text] in [charset], as Foxmail and Outlook write them. */
    private fun word(text: String, charset: String) =
        "=?$charset?B?" + Base64.getEncoder().encodeToString(text.toByteArray(Charset.forName(charset))) + "?="

    private fun message(charset: String, subject: String, body: String, attachment: ByteArray? = null): ByteArray {
        val head = "Received: from mx.example.net by mail.example.com;\r\n Fri, 26 Sep 2025 01:58:02 +0000\r\n" +
            "Date: Fri, 26 Sep 2025 09:57:40 +0800\r\n" +
            "From: ${word(name, charset)} <$address>\r\n" +
            "Subject: ${word(subject, charset)}\r\n" +
            "MIME-Version: 1.0\r\n"
        val text = body.toByteArray(Charset.forName(charset))
        if (attachment == null) {
            return (head + "Content-Type: text/plain; charset=$charset\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .toByteArray(Charsets.US_ASCII) + text + "\r\n".toByteArray()
        }
        val parts = "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n" +
            "--b1\r\nContent-Type: text/plain; charset=$charset\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            Base64.getMimeEncoder().encodeToString(text) + "\r\n" +
            "--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"${word("发票.pdf", charset)}\"\r\n" +
            "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n--b1--\r\n"
        return (head + parts).toByteArray(Charsets.US_ASCII)
    }

    @Test
    fun `GBK, GB18030 and UTF-8 mail read the same complaint`() {
        val body = "电水壶漏水，要求更换。𠮷"
        for (charset in listOf("GBK", "GB18030", "UTF-8")) {
            // GBK has no 𠮷 (U+20BB7): leave it out there.
            val text = if (charset == "GBK") body.dropLast(2) else body
            val intake = intakeEmail(Policy(), message(charset, "关于售后的投诉", text), ComplainantKind.CUSTOMER)
            val c = intake.complaint
            assertEquals(Channel.EMAIL, c.channel, charset)
            assertEquals("关于售后的投诉", c.subject, charset)
            assertEquals(name, c.name, charset)
            assertEquals(address, c.contact, charset)
            assertEquals(text, c.content, charset)
            // When the office's mail server took it, in office time.
            assertEquals(OffsetDateTime.parse("2025-09-26T09:58:02+08:00"), c.receivedAt, charset)
            assertEquals(ReceivedFrom.RECEIVED, intake.receivedFrom)
            assertEquals(emptyList<EmailFinding>(), intake.findings, charset)
            assertTrue(intake.report.admissible && intake.report.complete, charset)
            assertEquals(ContactKind.EMAIL, intake.report.contactKind)
        }
    }

    @Test
    fun `attachments are listed by name and size, never opened`() {
        val pdf = ByteArray(12_345) { (it % 251).toByte() }
        val intake = intakeEmail(Policy(), message("GB18030", "投诉：发票开错", "见附件。", pdf), ComplainantKind.EMPLOYEE)
        assertEquals(ComplainantKind.EMPLOYEE, intake.complaint.complainantKind)
        assertEquals("见附件。", intake.complaint.content)
        assertEquals(listOf(Attachment("发票.pdf", 12_345L)), intake.attachments)
    }

    @Test
    fun `a subject without the complaint word is read but inadmissible (§2_1_1)`() {
        val intake = intakeEmail(Policy(), message("UTF-8", "售后问题", "电水壶漏水"), ComplainantKind.CUSTOMER)
        assertFalse(intake.report.admissible)
        assertEquals("intake.subject_word_missing", intake.report.violations.single().code)
        assertEquals(RegistrationField.SUBJECT, intake.report.violations.single().field)
    }

    @Test
    fun `what cannot be read is a finding, what is not mail an error`() {
        val damaged = ("From: x@example.com\r\nSubject: =?x-unknown?B?AAAA?=\r\nDate: yesterday\r\n\r\ntext\r\n").toByteArray()
        val intake = intakeEmail(Policy(), damaged, ComplainantKind.CUSTOMER)
        assertTrue(EmailFinding(EmailFindingCode.CHARSET_UNKNOWN, MailPart.SUBJECT) in intake.findings, intake.findings.toString())
        assertTrue(EmailFinding(EmailFindingCode.HEADER_UNREADABLE, MailPart.DATE) in intake.findings, intake.findings.toString())
        assertNull(intake.complaint.receivedAt)
        assertNull(intake.receivedFrom)
        assertTrue(RegistrationField.RECEIVED_AT in intake.report.missing)
        assertEquals("intake.email_charset_unknown", EmailFindingCode.CHARSET_UNKNOWN.toString())
        for (bytes in listOf(ByteArray(0), "\r\n\r\n".toByteArray(), "From someone Fri Sep 26\n".toByteArray(), "%PDF-1.7\n".toByteArray())) {
            val e = assertThrows<ComplaintOfficeException> { intakeEmail(Policy(), bytes, ComplainantKind.CUSTOMER) }
            assertTrue(e is ComplaintOfficeException.Intake, e.toString())
            assertEquals("intake.email_malformed", e.code())
            assertEquals("§2.1.1", e.clause())
        }
    }

    @Test
    fun `an intake prints counts and codes, never the sender or the text`() {
        val pdf = ByteArray(10)
        val intake = intakeEmail(Policy(), message("GBK", "投诉", "电水壶漏水", pdf), ComplainantKind.CUSTOMER)
        for (text in listOf(intake.toString(), intake.attachments.toString(), intake.complaint.toString())) {
            for (secret in listOf(name, address, "电水壶漏水", "发票")) assertFalse(text.contains(secret), text)
        }
        assertTrue(intake.toString().startsWith("EmailIntake { complaint: Complaint { channel: Email"), intake.toString())
        assertEquals("[Attachment { name: true, size: 10 }]", intake.attachments.toString())
    }
}
