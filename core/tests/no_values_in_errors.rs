//! Issue 16 item 9: a value written under the wrong key never reaches an error. Policy and
//! event errors name the key (for events only keys of the schema) and the kind of problem;
//! neither the message nor the `Debug` form holds the value, whatever its type.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use complaint_office::ErrorCode;
use complaint_office::case::Event;
use complaint_office::policy::Policy;
use serde_json::{Value, json};

/// Values that must never be repeated: a phone number, a name, an e-mail address.
const PLANTED: [&str; 4] = ["13912345678", "張三", "张三", "zhang.san@example.com"];

fn assert_clean(what: &str, message: &str, debug: &str) {
    for value in PLANTED {
        assert!(
            !message.contains(value),
            "{what}: message holds {value}: {message}"
        );
        assert!(
            !debug.contains(value),
            "{what}: Debug holds {value}: {debug}"
        );
    }
}

/// `value` placed at `path` of an otherwise empty policy.
fn policy_with(path: &[&str], value: Value) -> Value {
    path.iter()
        .rev()
        .fold(value, |inner, key| json!({ *key: inner }))
}

#[test]
fn policy_errors_name_the_key_not_the_value() {
    let wrong = [
        json!(13912345678_u64),
        json!("張三"),
        json!(["張三", 13912345678_u64]),
        json!({ "mobile": "zhang.san@example.com" }),
        json!(true),
        json!(1.5),
    ];
    let keys: [&[&str]; 9] = [
        &["name"],
        &["language"],
        &["office_offset"],
        &["effective_from"],
        &["deadlines", "plan"],
        &["calendar", "extra_off_days"],
        &["calendar", "office_hours"],
        &["sla", "due_soon"],
        &["channels"],
    ];
    let mut refused = 0;
    for key in keys {
        for value in &wrong {
            let policy = policy_with(key, value.clone());
            let Err(err) = Policy::from_json_value(policy.clone()) else {
                continue;
            };
            refused += 1;
            let what = format!("{key:?} = {value}");
            assert_clean(&what, &err.to_string(), &format!("{err:?}"));
            assert!(
                matches!(
                    err.code(),
                    "policy.invalid_value" | "policy.unknown_key" | "policy.contradiction"
                ),
                "{what}: {err}"
            );
            let named = err.key().unwrap_or_default();
            // The key named is the one written, or (for an unknown key inside a table of the
            // schema, like `channels.张三`) the table: never the value.
            assert!(named.starts_with(key[0]), "{what}: key {named}");
            // The same through TOML text where the value can be written as TOML.
            if let Ok(text) = toml::to_string(&policy) {
                let err = Policy::from_toml_str(&text).unwrap_err();
                assert_clean(
                    &format!("TOML {what}"),
                    &err.to_string(),
                    &format!("{err:?}"),
                );
            }
        }
    }
    assert!(refused >= 40, "only {refused} refused");
}

#[test]
fn unknown_policy_keys_are_named() {
    // A policy's keys are its author's, not personal data: an unknown one is named (a typo is
    // found by its name), its value is not.
    let err =
        Policy::from_json_value(json!({ "deadlines": { "plann": "13912345678" } })).unwrap_err();
    assert_eq!(err.code(), "policy.unknown_key");
    assert_eq!(err.key(), Some("deadlines.plann"));
    assert_clean("plann", &err.to_string(), &format!("{err:?}"));
}

#[test]
fn policy_messages_keep_the_kind_of_problem() {
    let err = Policy::from_json_value(json!({ "name": 13912345678_u64 })).unwrap_err();
    assert_eq!(err.code(), "policy.invalid_value");
    assert_eq!(err.key(), Some("name"));
    assert_eq!(
        err.to_string(),
        "invalid value for `name`: invalid type: integer, expected a string"
    );
    let err = Policy::from_json_value(json!({ "language": "張三" })).unwrap_err();
    assert_eq!(err.key(), Some("language"));
    let message = err.to_string();
    assert!(message.contains("expected"), "{message}");
    let err = Policy::from_json_value(json!({
        "classification": { "categories": [ { "code": "other", "keywords": [13912345678_u64] } ] }
    }))
    .unwrap_err();
    assert_eq!(err.key(), Some("classification.categories[0].keywords[0]"));
    assert_clean("keyword", &err.to_string(), &format!("{err:?}"));
}

const AT: &str = "2025-09-26T10:00:00+08:00";

#[test]
fn event_errors_name_schema_keys_only() {
    let received = |extra: Value| {
        let mut event = json!({
            "type": "received", "at": AT, "channel": "hotline", "complainant_kind": "customer",
        });
        if let (Some(event), Some(extra)) = (event.as_object_mut(), extra.as_object()) {
            event.extend(extra.clone());
        }
        event
    };
    let cases = [
        (
            received(json!({ "channel": 13912345678_u64 })),
            Some("channel"),
        ),
        (received(json!({ "channel": "張三" })), Some("channel")),
        (received(json!({ "name": 13912345678_u64 })), Some("name")),
        (received(json!({ "contact": ["張三"] })), Some("contact")),
        (
            received(json!({ "received_at": "張三" })),
            Some("received_at"),
        ),
        // An unknown key: its name may be personal data typed into the wrong place.
        (received(json!({ "張三": "13912345678" })), None),
        (received(json!({ "13912345678": 1 })), None),
        (
            json!({ "type": "received", "at": "張三 13912345678" }),
            Some("at"),
        ),
        (
            json!({ "type": "received", "at": 13912345678_u64 }),
            Some("at"),
        ),
        (
            json!({ "type": "received", "at": AT, "by": 13912345678_u64 }),
            Some("by"),
        ),
        (
            json!({ "type": "received", "at": AT, "role": "張三" }),
            Some("role"),
        ),
        (
            json!({ "type": "classified", "at": AT, "category": 13912345678_u64 }),
            Some("category"),
        ),
        (
            json!({ "type": "classified", "at": AT, "張三": "x", "category": "other" }),
            None,
        ),
        (
            json!({ "type": "registered", "at": AT, "number": "張三" }),
            Some("number"),
        ),
    ];
    for (event, key) in cases {
        let err = Event::from_json_value(event.clone()).unwrap_err();
        let what = event.to_string();
        assert_clean(&what, &err.to_string(), &format!("{err:?}"));
        assert!(err.code().starts_with("case."), "{what}: {err}");
        if let Some(key) = key {
            assert_eq!(err.key(), Some(key), "{what}: {err}");
        } else {
            let named = err.key().unwrap_or_default();
            assert!(
                !PLANTED.iter().any(|v| named.contains(v)),
                "{what}: key {named}"
            );
        }
    }
}
