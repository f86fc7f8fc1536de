"""E-mail intake from Python (issue 18 item 4): a complaint from the raw bytes of a message."""

import base64

import pytest

import complaint_office as co
from complaint_office import intake

NAME, EMAIL, PHONE, ID_NUMBER = "張三豐", "zhang.sanfeng@example.com", "13812345678", "110101199003071234"


def b64word(text, charset="UTF-8"):
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


MESSAGE = (
    "Received: from mx.example.net by mail.example.com; Fri, 26 Sep 2025 01:58:02 +0000\r\n"
    "Date: Fri, 26 Sep 2025 09:57:40 +0800\r\n"
    f"From: {b64word(NAME)} <{EMAIL}>\r\n"
    f"Subject: {b64word('投訴：' + PHONE, 'GBK')}\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: multipart/mixed; boundary="b"\r\n'
    "\r\n"
    "--b\r\n"
    "Content-Type: text/plain; charset=GBK\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    f"{base64.b64encode(('電水壺漏水，請聯繫 ' + PHONE).encode('gbk')).decode()}\r\n"
    "--b\r\n"
    "Content-Type: application/pdf\r\n"
    f"Content-Disposition: attachment; filename*=UTF-8''{ID_NUMBER}.pdf\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    f"{base64.b64encode(bytes(100)).decode()}\r\n"
    "--b--\r\n"
).encode("ascii")


def test_a_gbk_message_with_an_attachment():
    mail = intake.email(co.Policy(), MESSAGE, intake.ComplainantKind.EMPLOYEE)
    c = mail.complaint
    assert (c.channel, c.complainant_kind) == (intake.Channel.EMAIL, intake.ComplainantKind.EMPLOYEE)
    assert (c.name, c.contact, c.subject) == (NAME, EMAIL, "投訴：" + PHONE)
    assert c.content == "電水壺漏水，請聯繫 " + PHONE
    assert mail.received_from is intake.ReceivedFrom.RECEIVED
    assert mail.received_at.isoformat() == "2025-09-26T09:58:02+08:00" == c.received_at.isoformat()
    assert [(a.name, a.size) for a in mail.attachments] == [(f"{ID_NUMBER}.pdf", 100)]
    assert mail.findings == []
    assert mail.report.admissible and mail.report.complete
    as_json = mail.to_dict()
    assert as_json["complaint"]["received_at"] == "2025-09-26T09:58:02+08:00"
    assert as_json["attachments"] == [{"name": f"{ID_NUMBER}.pdf", "size": 100}]


def test_nothing_personal_is_printed():
    mail = intake.email(co.Policy(), MESSAGE)
    for text in (repr(mail), str(mail), repr(mail.attachments), repr(mail.complaint)):
        for value in (NAME, EMAIL, PHONE, ID_NUMBER):
            assert value not in text, text


def test_findings_and_what_they_leave_missing():
    message = b"From: someone\r\nSubject: hello\r\nContent-Type: text/html; charset=x-unknown\r\n\r\n<p>Hi</p>"
    mail = intake.email(co.Policy(), message)
    codes = [(f.code, f.part) for f in mail.findings]
    assert (intake.EmailFindingCode.EMAIL_HEADER_UNREADABLE, intake.MailPart.FROM) in codes
    assert (intake.EmailFindingCode.EMAIL_CONTENT_FROM_HTML, intake.MailPart.BODY) in codes
    assert mail.findings[0].to_dict()["code"].startswith("intake.email_")
    assert mail.received_from is None and mail.received_at is None
    assert not mail.report.admissible  # no complaint word in the subject (§2.1.1)
    assert intake.Field.CONTACT in mail.report.missing


@pytest.mark.parametrize("message", [b"", b"   \r\n", b"From nobody Mon Jan 1 00:00:00 2025\r\n", b"\x89PNG\r\n"])
def test_what_is_not_an_email_is_a_coded_error(message):
    with pytest.raises(co.IntakeError) as e:
        intake.email(co.Policy(), message)
    assert (e.value.code, e.value.clause) == ("intake.email_malformed", "§2.1.1")


def test_wrong_arguments():
    with pytest.raises(co.IntakeError) as e:
        intake.email(co.Policy(), MESSAGE, "robot")
    assert e.value.code == "intake.unknown_complainant_kind"
    with pytest.raises(TypeError):
        intake.email(co.Policy(), MESSAGE.decode())  # type: ignore[arg-type]
