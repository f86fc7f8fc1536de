//! §1.3.4 confidentiality: masking reveals no more than its rule, is stable, and no role
//! below the complaint office sees what it must not.

use complaint_office::archive::ArchiveFile;
use complaint_office::calendar::Calendar;
use complaint_office::privacy::{
    self, FULLY_MASKED, Field, MaskKind, PersonalData, Role, Visibility,
};
use proptest::prelude::*;
use proptest::sample::select;

use crate::complaints::{self, Kind, LANGUAGES, Rng, Segment};
use crate::config;

const SURNAMES: &[&str] = &["張", "李", "王", "劉", "陳", "楊", "黃", "趙", "吴", "周"];

fn chinese_name() -> impl Strategy<Value = String> {
    (select(SURNAMES), "[\u{4e00}-\u{9fa5}]{1,3}").prop_map(|(s, g)| format!("{s}{g}"))
}

fn latin_name() -> impl Strategy<Value = String> {
    proptest::collection::vec("[A-Z][a-z]{1,8}", 1..4).prop_map(|w| w.join(" "))
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![chinese_name(), latin_name()]
}

fn mobile() -> impl Strategy<Value = String> {
    "1[3-9][0-9]{9}"
}

/// A mobile number as people write it: plain, spaced, hyphenated, with +86.
fn written_mobile() -> impl Strategy<Value = (String, String)> {
    (mobile(), 0..4usize).prop_map(|(m, style)| {
        let (a, b, c) = (&m[..3], &m[3..7], &m[7..]);
        let written = match style {
            0 => m.clone(),
            1 => format!("{a} {b} {c}"),
            2 => format!("{a}-{b}-{c}"),
            _ => format!("+86 {m}"),
        };
        (m, written)
    })
}

fn email() -> impl Strategy<Value = String> {
    ("[a-z][a-z0-9._]{0,11}", "[a-z]{2,8}\\.(com|cn|org)").prop_map(|(l, d)| format!("{l}@{d}"))
}

fn id18() -> impl Strategy<Value = String> {
    "[1-9][0-9]{16}[0-9X]"
}

fn id15() -> impl Strategy<Value = String> {
    "[1-9][0-9]{14}"
}

/// Any text, weighted towards the characters the rules care about.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,30}",
        "[0-9 +*()\\-]{0,20}",
        "[a-zA-Z*@. '\\-]{0,20}",
        "[\u{4e00}-\u{9fa5}*·]{0,6}",
        "[0-9Xx* ]{0,20}",
    ]
}

/// Letters and digits the masked text shows (everything but `*`, separators and dots).
fn revealed(masked: &str) -> Vec<char> {
    masked.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn runs(text: &str) -> usize {
    let mut count = 0;
    let mut inside = false;
    for c in text.chars() {
        let letter = c.is_alphabetic() || c == '*';
        if letter && !inside {
            count += 1;
        }
        inside = letter;
    }
    count
}

fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap(),
        _ => c,
    }
}

proptest! {
    #![proptest_config(config())]

    /// §1.3.4: masking a masked value changes nothing, for any text and every kind.
    #[test]
    fn masking_is_idempotent(kind in select(MaskKind::ALL), text in any_text()) {
        let once = privacy::mask(kind, &text);
        prop_assert_eq!(privacy::mask(kind, &once), once.clone(), "{:?}", text);
    }

    /// §1.3.4: masking never shows more characters than its rule allows, and shows only
    /// characters of the value itself.
    #[test]
    fn masking_reveals_no_more_than_the_rule(kind in select(MaskKind::ALL), text in any_text()) {
        let masked = privacy::mask(kind, &text);
        let shown = revealed(&masked);
        let input: Vec<char> = text.chars().map(narrow).collect();
        for c in &shown {
            prop_assert!(input.contains(c), "{:?} shows {:?}", text, c);
        }
        match kind {
            MaskKind::Name => prop_assert!(shown.len() <= runs(&text).max(2), "{:?} → {:?}", text, masked),
            MaskKind::Phone => {
                let national = masked.strip_prefix("+86 ").unwrap_or(&masked);
                prop_assert!(revealed(national).len() <= 8, "{:?} → {:?}", text, masked);
            }
            MaskKind::Email => {
                if masked != FULLY_MASKED && !masked.is_empty() {
                    let (local, domain) = masked.split_once('@').unwrap();
                    prop_assert!(revealed(local).len() <= 1);
                    let tail = format!("@{domain}");
                    prop_assert!(text.trim().ends_with(&tail));
                }
            }
            MaskKind::IdNumber => prop_assert!(shown.len() <= 10, "{:?} → {:?}", text, masked),
        }
    }

    /// §1.3.4: well-formed values mask to the documented forms.
    #[test]
    fn well_formed_values_mask_as_documented(
        name in chinese_name(), (m, written) in written_mobile(), email in email(),
        id18 in id18(), id15 in id15(),
    ) {
        let first: String = name.chars().take(1).collect();
        let stars = "*".repeat(name.chars().count() - 1);
        prop_assert_eq!(privacy::mask(MaskKind::Name, &name), format!("{first}{stars}"));
        let want = format!("{}****{}", &m[..3], &m[7..]);
        let want = if written.starts_with('+') { format!("+86 {want}") } else { want };
        prop_assert_eq!(privacy::mask(MaskKind::Phone, &written), want);
        let (local, domain) = email.split_once('@').unwrap();
        let shown = if local.len() > 1 { &local[..1] } else { "*" };
        let stars = "*".repeat(local.len().saturating_sub(1));
        prop_assert_eq!(privacy::mask(MaskKind::Email, &email), format!("{shown}{stars}@{domain}"));
        prop_assert_eq!(privacy::mask(MaskKind::IdNumber, &id18), format!("{}********{}", &id18[..6], &id18[14..]));
        prop_assert_eq!(privacy::mask(MaskKind::IdNumber, &id15), format!("{}******{}", &id15[..6], &id15[12..]));
    }

    /// §1.3.4: no role below the office sees, in any field of its view, an identity value it
    /// may not see in full; the department and statistics see none of name, phone, e-mail
    /// and ID number. The original is never changed.
    #[test]
    fn views_do_not_leak_identity(
        name in name(),
        (phone, written_phone) in written_mobile(),
        email in email(),
        id in id18(),
        filler in proptest::collection::vec("[\u{4e00}-\u{9fa5}a-zA-Z0-9 ，。,.]{0,12}", 5),
        order in proptest::collection::vec(0..6usize, 0..8),
    ) {
        let mentions = [name.clone(), written_phone.clone(), phone.clone(), email.to_uppercase(), id.clone(), name.to_lowercase()];
        let mut content = String::new();
        for (i, &k) in order.iter().enumerate() {
            content.push_str(&filler[i % filler.len()]);
            content.push_str(&mentions[k]);
        }
        content.push_str(&filler[0]);
        let data = PersonalData {
            complainant_name: Some(name.clone()),
            contact_phone: Some(written_phone.clone()),
            contact_email: Some(email.clone()),
            id_number: Some(id.clone()),
            content: Some(content),
        };
        let before = data.clone();
        prop_assert_eq!(data.view(Role::Office), data.clone());
        for &role in &Role::ALL[1..] {
            let view = data.view(role);
            let texts: Vec<&str> = Field::ALL.iter().filter_map(|&f| view.get(f)).collect();
            for &field in Field::IDENTITY {
                if privacy::visibility(role, field) == Visibility::Full {
                    continue;
                }
                let value = data.get(field).unwrap().trim();
                for t in &texts {
                    prop_assert!(!t.contains(value), "{:?} sees {:?} in {:?}", role, field, t);
                }
            }
            if matches!(role, Role::Department | Role::Statistics) {
                for value in [&name, &phone, &written_phone, &email, &id] {
                    prop_assert!(texts.iter().all(|t| !t.contains(value.as_str())), "{:?}: {:?}", role, texts);
                }
            }
        }
        prop_assert_eq!(data, before);
    }

    /// §1.3.4: Debug output of personal data names its fields, never a value.
    #[test]
    fn debug_never_prints_personal_data(
        name in chinese_name(), phone in mobile(), id in id18(), content in "[\u{4e00}-\u{9fa5}]{1,20}",
    ) {
        let data = PersonalData {
            complainant_name: Some(name.clone()),
            contact_phone: Some(phone.clone()),
            contact_email: Some(format!("{phone}@example.com")),
            id_number: Some(id.clone()),
            content: Some(content.clone()),
        };
        for text in [format!("{data:?}"), format!("{data:#?}"), format!("{:?}", data.view(Role::InvestigationTeam))] {
            for value in [&name, &phone, &id, &content] {
                prop_assert!(!text.contains(value.as_str()), "{}", text);
            }
        }
    }
}

/// Han text that holds no personal value, for the edges of a planted value.
const FILLER: [&str; 4] = ["投诉内容如下：", "，请尽快处理。", "關於售後服務", "谢谢！"];

/// The text as the tests read it for leftovers: letters, digits and `*`, narrowed, nothing
/// invisible.
fn visible(text: &str) -> String {
    text.chars()
        .map(narrow)
        .filter(|c| c.is_alphanumeric() || *c == '*')
        .collect()
}

fn plant_kind() -> impl Strategy<Value = Kind> {
    select(Kind::ALL.to_vec())
}

proptest! {
    #![proptest_config(config())]

    /// §1.3.4: a personal value written in any form (separators of every kind, full-width
    /// digits, zero-width characters, the other script, `+86`), recorded on the case or not,
    /// is replaced for the department by `***`, exactly where it stands: every other
    /// character of the text is kept as it was (names are found only when recorded).
    #[test]
    fn planted_values_are_replaced_exactly_where_they_stand(
        seed in any::<u64>(), kind in plant_kind(), recorded in any::<bool>(),
        before in select(FILLER.to_vec()), after in select(FILLER.to_vec()),
    ) {
        let mut rng = Rng::new(seed);
        let p = complaints::plant(&mut rng, kind, seed % 2 == 0);
        let text = format!("{before}{}{after}", p.written);
        let mut data = PersonalData { content: Some(text.clone()), ..PersonalData::default() };
        let recorded = recorded || kind == Kind::Name;
        if recorded {
            let field = match kind {
                Kind::Name => Field::ComplainantName,
                Kind::Mobile | Kind::Landline => Field::ContactPhone,
                Kind::Email => Field::ContactEmail,
                Kind::Id18 | Kind::Id15 | Kind::BankCard => Field::IdNumber,
            };
            data.set(field, Some(p.canonical.clone()));
        }
        let seen = data.view(Role::Department).content.unwrap();
        let kept = format!("{before}{}***{after}", p.prefix);
        let whole = format!("{before}***{after}");
        prop_assert!(seen == kept || (recorded && seen == whole), "{:?} → {:?}", text, seen);
    }

    /// §1.3.4: on any text (any Unicode, invisible characters, full-width forms, digits and
    /// separators), the department's view only replaces whole stretches by `***` and keeps
    /// every other character exactly as it was.
    #[test]
    fn redaction_replaces_stretches_in_place(
        text in prop_oneof![
            "[^*]{0,60}",
            "[0-9０-９ \\-–—_/.·\u{200B}\u{FEFF}\u{00AD}+()（）@a-zＡ-Ｚ張张三豐丰]{0,60}",
        ],
        name in prop_oneof!["[張张三豐丰]{2,3}", "[a-zA-Z]{1,4}"],
    ) {
        let data = PersonalData {
            complainant_name: Some(name),
            content: Some(text.clone()),
            ..PersonalData::default()
        };
        let seen = data.view(Role::Department).content.unwrap();
        prop_assert!(seen == FULLY_MASKED || complaints::replaced(&text, &seen).is_some(), "{:?} → {:?}", text, seen);
    }

    /// §1.3.4: the numbers a complaint holds that are not personal data (order numbers,
    /// dates, times, amounts, the company's 400 and 800 numbers and other service numbers,
    /// product codes, tracking numbers, invoice codes and numbers, postal codes, quantities)
    /// are left alone. Card-shaped order numbers (16–19 digits with a valid Luhn digit and a
    /// card network's prefix) cannot be told from card numbers and are left out.
    #[test]
    fn non_personal_numbers_are_left_alone(seed in any::<u64>(), n in 1..8usize) {
        use complaints::OtherKind::*;
        let mut rng = Rng::new(seed);
        let mut text = String::from("投诉：");
        for i in 0..n {
            let what = rng.pick(&[Order, Date, Amount, Hotline, Product, Tracking, Quantity, InvoiceCode, InvoiceNumber, Postcode]);
            let (value, _) = complaints::other(&mut rng, what);
            if value.len() >= 16 && value.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            text.push_str(&value);
            text.push_str(FILLER[i % FILLER.len()]);
        }
        let data = PersonalData { content: Some(text.clone()), ..PersonalData::default() };
        for role in [Role::Department, Role::InvestigationTeam] {
            prop_assert_eq!(data.view(role).content, Some(text.clone()));
        }
    }
}

/// Whole complaints (3 to 8 sentences, about 7 planted values each) and whole case
/// histories cost ten single values: a tenth of the cases.
fn complaint_config() -> ProptestConfig {
    ProptestConfig::with_cases((config().cases / 10).max(1))
}

proptest! {
    #![proptest_config(complaint_config())]

    /// §1.3.4: in whole complaints, every planted value is inside a replaced stretch for the
    /// department, superseded names and phones included; the rest of the text is the
    /// original's, character for character; statistics see nothing.
    #[test]
    fn complaints_show_the_department_no_planted_value(seed in any::<u64>(), language in select(LANGUAGES.to_vec())) {
        let doc = complaints::document(&mut Rng::new(seed), language);
        let text = doc.text();
        let seen = doc.data.view_with_history(Role::Department, &doc.superseded).content.unwrap();
        let spans = complaints::replaced(&text, &seen);
        prop_assert!(spans.is_some(), "not in place: {:?} → {:?}", text, seen);
        let spans = spans.unwrap();
        for (segment, (start, end)) in doc.segments.iter().zip(doc.ranges()) {
            if let Segment::Planted(i) = segment {
                let value = (start + doc.planted[*i].prefix.len(), end);
                prop_assert!(
                    spans.iter().any(|&(s, e)| s <= value.0 && value.1 <= e),
                    "{:?} shows {:?}", seen, doc.planted[*i].written
                );
            }
        }
        prop_assert_eq!(doc.data.view_with_history(Role::Statistics, &doc.superseded), PersonalData::default());
    }

    /// §1.3.4: the investigation team sees names and contacts, but of every ID number and
    /// bank card number in the content, recorded or not, never the digits its mask hides.
    #[test]
    fn the_team_never_sees_a_birth_date_or_a_whole_card(seed in any::<u64>(), language in select(LANGUAGES.to_vec())) {
        let doc = complaints::document(&mut Rng::new(seed), language);
        let seen = visible(&doc.data.view_with_history(Role::InvestigationTeam, &doc.superseded).content.unwrap());
        for p in &doc.planted {
            let hidden = match p.kind {
                Kind::Id18 => &p.canonical[6..14],
                Kind::Id15 => &p.canonical[6..12],
                Kind::BankCard => &p.canonical[6..p.canonical.len() - 4],
                _ => continue,
            };
            let shown = format!("{}{hidden}", &p.canonical[..6]);
            prop_assert!(!seen.contains(&shown), "{:?} shows {:?}", seen, p.canonical);
        }
    }

    /// §1.3.4: redacting a redacted content changes nothing, for every role.
    #[test]
    fn redaction_is_idempotent(seed in any::<u64>(), language in select(LANGUAGES.to_vec()), role in select(Role::ALL.to_vec())) {
        let doc = complaints::document(&mut Rng::new(seed), language);
        let once = doc.data.view_with_history(role, &doc.superseded);
        let again = PersonalData { content: once.content.clone(), ..doc.data.clone() }
            .view_with_history(role, &doc.superseded);
        prop_assert_eq!(again.content, once.content);
    }

    /// §1.3.4: a name and a contact that `information_supplied` replaced are still redacted
    /// from the content the department sees, whatever script and separators the content uses.
    #[test]
    fn superseded_names_and_contacts_never_reach_the_department(
        seed in any::<u64>(), corrections in 1..4usize,
    ) {
        let mut rng = Rng::new(seed);
        let name = complaints::chinese_name(&mut rng);
        let contact = complaints::mobile(&mut rng);
        let mut events = vec![serde_json::json!({
            "type": "received", "at": "2025-11-03T09:30:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": name, "contact": contact,
        })];
        let mut values = vec![(Kind::Name, name), (Kind::Mobile, contact)];
        for i in 0..corrections {
            let (kind, value) = if rng.chance(50) {
                (Kind::Name, complaints::chinese_name(&mut rng))
            } else if rng.chance(50) {
                (Kind::Email, complaints::email(&mut rng))
            } else {
                (Kind::Mobile, complaints::mobile(&mut rng))
            };
            let key = if kind == Kind::Name { "name" } else { "contact" };
            events.push(serde_json::json!({"type": "information_requested", "at": format!("2025-11-03T1{i}:00:00+08:00"), "fields": [key, "content"]}));
            events.push(serde_json::json!({"type": "information_supplied", "at": format!("2025-11-03T1{i}:30:00+08:00"), key: value}));
            values.push((kind, value));
        }
        // The content, supplied last, names every value the case has held, in other forms.
        let mut content = String::from("補充說明：");
        for (kind, value) in &values {
            let written = complaints::plant_value(&mut rng, *kind, value);
            content.push_str(&written.written);
            content.push('，');
        }
        events.push(serde_json::json!({"type": "information_requested", "at": "2025-11-04T09:00:00+08:00", "fields": ["content"]}));
        events.push(serde_json::json!({"type": "information_supplied", "at": "2025-11-04T10:00:00+08:00", "content": content}));
        let json = serde_json::Value::Array(events).to_string();
        let case = complaint_office::case::Case::replay_json(&Default::default(), &json).unwrap();
        let seen = case.view(Role::Department).personal.content.unwrap();
        let shown = complaints::replaced(&content, &seen);
        prop_assert!(shown.is_some(), "{:?} → {:?}", content, seen);
        prop_assert_eq!(seen.matches("***").count(), values.len(), "{:?} → {:?}", content, seen);
    }
}

/// §1.3.4: every error of the accountability, archive and privacy modules, in Display and
/// Debug, carries no personal data: they hold no values, only field names, codes and dates.
#[test]
fn errors_print_no_personal_data() {
    use complaint_office::ErrorCode;
    use complaint_office::accountability::Finding;
    use complaint_office::archive::{self, ArchiveError};
    let secret = "張三13812345678";
    let finding = Finding {
        subject: "E1".into(),
        responsibility: "direct".parse().unwrap(),
        fault: "negligence".parse().unwrap(),
        consequence: "general".parse().unwrap(),
        nature: secret.into(),
        degree: String::new(),
        scope: secret.into(),
    };
    let mut errors: Vec<(String, String)> = Vec::new();
    let e = finding.check().unwrap_err();
    errors.push((e.to_string(), format!("{e:?} {finding:?}")));
    let file = ArchiveFile::new(
        "23050001".parse().unwrap(),
        "2023-08-01".parse().unwrap(),
        vec![],
    );
    let e = file.check_complete().unwrap_err();
    errors.push((e.to_string(), format!("{e:?}")));
    let e = archive::may_destroy_with(
        &Calendar::cn(),
        "3 years".parse().unwrap(),
        "2023-08-01".parse().unwrap(),
        Some("2023-01-01".parse().unwrap()),
        false,
        "2027-01-01".parse().unwrap(),
    )
    .unwrap_err();
    errors.push((e.to_string(), format!("{e:?}")));
    let e: ArchiveError = archive::DestructionDecision {
        allowed: false,
        reason: Some(archive::Refusal::LegalHold),
    }
    .into_result()
    .unwrap_err();
    errors.push((e.to_string(), format!("{e:?}")));
    for (kind, what) in [
        (secret.parse::<MaskKind>().err(), "kind"),
        (secret.parse::<Role>().err(), "role"),
    ] {
        let e = kind.unwrap();
        assert!(e.code().starts_with("privacy.unknown_"), "{what}");
        errors.push((e.to_string(), format!("{e:?}")));
    }
    for (display, debug) in errors {
        for text in [display, debug] {
            assert!(
                !text.contains("張三") && !text.contains("13812345678"),
                "{text}"
            );
        }
    }
}
