//! Masking e-mail addresses: the first character of the local part and the domain are kept.

/// The masked address, or `None` when it is not `local@domain.tld`.
pub(super) fn mask(value: &str) -> Option<String> {
    let (local, domain) = value.split_once('@')?;
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && c != '@');
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if !local_ok || !domain_ok {
        return None;
    }
    let count = local.chars().count();
    // A one-character local part would be shown whole: mask it too.
    let masked: String = match local.chars().next() {
        Some(first) if count > 1 => std::iter::once(first)
            .chain(std::iter::repeat_n('*', count - 1))
            .collect(),
        _ => "*".into(),
    };
    Some(format!("{masked}@{domain}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms() {
        let cases = [
            ("zhangsan@example.com", "z*******@example.com"),
            ("a@example.com", "*@example.com"),
            ("ab@mail.example.com.cn", "a*@mail.example.com.cn"),
            (
                "zhang.san+complaint@example.com",
                "z******************@example.com",
            ),
            ("張三@例子.中国", "張*@例子.中国"),
        ];
        for (input, want) in cases {
            assert_eq!(mask(input).as_deref(), Some(want), "{input}");
            assert_eq!(mask(want).as_deref(), Some(want), "idempotent: {want}");
        }
    }

    #[test]
    fn unknown_forms() {
        for v in [
            "zhangsan",
            "@example.com",
            "a@b@example.com",
            "a b@example.com",
            "a@localhost",
            "a@example..com",
            "a@-example.com",
            "a@example.com.",
            "a@exa_mple.com",
        ] {
            assert_eq!(mask(v), None, "{v}");
        }
    }
}
