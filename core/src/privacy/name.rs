//! Masking names: the surname of a Chinese name, the initials of a Latin one.

/// Compound surnames (複姓), Traditional and Simplified: kept whole when the name has three or
/// more characters, so `歐陽修` shows `歐陽*`, not `歐**`. A two-character name is read as a
/// one-character surname and a given name.
const COMPOUND_SURNAMES: &[&str] = &[
    "歐陽", "欧阳", "司馬", "司马", "上官", "諸葛", "诸葛", "東方", "东方", "皇甫", "尉遲", "尉迟",
    "公孫", "公孙", "令狐", "慕容", "夏侯", "宇文", "長孫", "长孙", "司徒", "司空", "軒轅", "轩辕",
    "端木", "西門", "西门", "南宮", "南宫", "獨孤", "独孤", "呼延", "澹臺", "澹台", "公冶", "申屠",
    "太史", "鍾離", "鐘離", "钟离", "聞人", "闻人", "赫連", "赫连", "萬俟", "万俟", "濮陽", "濮阳",
    "淳于", "單于", "单于", "宗政", "百里", "東郭", "东郭", "公羊", "拓跋", "第五", "左丘", "鮮于",
    "鲜于", "閭丘", "闾丘", "樂正", "乐正", "漆雕", "司寇", "巫馬", "巫马", "梁丘", "段干",
];

/// The masked name, or `None` when it is neither a Chinese nor a Latin name.
pub(super) fn mask(value: &str) -> Option<String> {
    let chars: Vec<char> = value.chars().filter(|c| !c.is_whitespace()).collect();
    // Without a Han character (`***`, `J*** S****`) the Latin rule applies, which keeps
    // spaces: a masked Chinese name without its surname masks to itself either way.
    let han = chars.iter().any(|&c| is_han(c));
    if han && chars.iter().all(|&c| is_han(c) || c == '*' || is_dot(c)) {
        chinese(&chars)
    } else {
        latin(value)
    }
}

fn chinese(chars: &[char]) -> Option<String> {
    let first = *chars.first()?;
    let last = *chars.last()?;
    let doubled_dot = chars.windows(2).any(|w| is_dot(w[0]) && is_dot(w[1]));
    if is_dot(first) || is_dot(last) || doubled_dot {
        return None;
    }
    let kept = match chars {
        [_] => 0,
        [a, b, _, ..] if COMPOUND_SURNAMES.contains(&String::from_iter([*a, *b]).as_str()) => 2,
        _ => 1,
    };
    Some(
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| if i < kept || is_dot(c) { c } else { '*' })
            .collect(),
    )
}

fn latin(value: &str) -> Option<String> {
    let words: Vec<&str> = value.split_whitespace().collect();
    let text = words.join(" ");
    let valid = text.chars().all(|c| {
        is_latin_letter(c) || c == '*' || is_dot(c) || matches!(c, ' ' | '-' | '\'' | '’' | '.')
    });
    if !valid || !text.chars().any(|c| is_latin_letter(c) || c == '*') {
        return None;
    }
    let mut in_word = false;
    Some(
        text.chars()
            .map(|c| {
                let letter = is_latin_letter(c) || c == '*';
                let shown = if letter && !in_word {
                    c
                } else if letter {
                    '*'
                } else {
                    c
                };
                in_word = letter;
                shown
            })
            .collect(),
    )
}

/// A Han character (CJK unified ideographs and their extensions, compatibility ideographs, 〇).
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{30000}'..='\u{323AF}')
}

/// The dots that separate the parts of transliterated names (`買買提·艾力`).
fn is_dot(c: char) -> bool {
    matches!(c, '·' | '・' | '‧' | '•')
}

/// A letter of the Latin script (ASCII, Latin-1, Latin Extended-A/B and Additional).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') && c != '×' && c != '÷')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(v: &str) -> Option<String> {
        mask(v)
    }

    #[test]
    fn chinese_names_keep_the_surname() {
        assert_eq!(m("張三").as_deref(), Some("張*"));
        assert_eq!(m("李小龍").as_deref(), Some("李**"));
        assert_eq!(m("张 三").as_deref(), Some("张*"));
        assert_eq!(m("張").as_deref(), Some("*"));
        assert_eq!(m("歐陽修").as_deref(), Some("歐陽*"));
        assert_eq!(m("司马相如").as_deref(), Some("司马**"));
        assert_eq!(m("歐陽").as_deref(), Some("歐*"));
        assert_eq!(m("買買提·艾力").as_deref(), Some("買**·**"));
        assert_eq!(m("·艾力"), None);
        assert_eq!(m("艾力··買"), None);
    }

    #[test]
    fn latin_names_keep_initials() {
        assert_eq!(m("John Smith").as_deref(), Some("J*** S****"));
        assert_eq!(
            m("  Mary-Jane   O'Neil ").as_deref(),
            Some("M***-J*** O'N***")
        );
        assert_eq!(m("José Núñez").as_deref(), Some("J*** N****"));
        assert_eq!(m("J. R. Tolkien").as_deref(), Some("J. R. T******"));
        assert_eq!(m("Zhang San").as_deref(), Some("Z**** S**"));
    }

    #[test]
    fn other_forms_are_not_names() {
        for v in ["張三 Zhang", "R2D2", "張3", "--", "...", "a@b", "😀"] {
            assert_eq!(m(v), None, "{v}");
        }
    }

    #[test]
    fn masked_names_stay_as_they_are() {
        for v in [
            "張*",
            "歐陽*",
            "*",
            "***",
            "J*** S****",
            "買**·**",
            "**-",
            "*'*",
            "** *",
            "*·*",
        ] {
            assert_eq!(m(v).as_deref(), Some(v));
        }
    }
}
