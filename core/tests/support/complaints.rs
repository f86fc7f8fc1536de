//! Realistic complaint texts with personal values planted in many written forms, and the
//! numbers a complaint holds that are *not* personal data: shared by the privacy corpus test
//! (`core/tests/privacy_corpus.rs`) and the privacy properties.
//!
//! A [`Document`] is a list of segments: template text, planted personal values (each with
//! its canonical value, the form written into the text and whether the case records it) and
//! non-personal items (order numbers, dates, amounts, the company's 400 number, product
//! codes, tracking numbers, …). Templates are Simplified Chinese, Traditional Chinese and
//! English. Nothing here contains `*`, so a redacted text can be aligned with its original.

#![allow(dead_code)]

use std::collections::HashSet;

use complaint_office::classify::text::traditional_pairs;
use complaint_office::privacy::{FULLY_MASKED, PersonalData};

/// SplitMix64: small, fast and reproducible from a seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent` %.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `n` digits for `n` drawn from `from..from + spread`.
    pub fn some_digits(&mut self, from: usize, spread: usize) -> String {
        let n = from + self.below(spread);
        self.digits(n)
    }

    pub fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

/// What a planted value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Name,
    Mobile,
    Landline,
    Id18,
    Id15,
    Email,
    BankCard,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Name,
        Kind::Mobile,
        Kind::Landline,
        Kind::Id18,
        Kind::Id15,
        Kind::Email,
        Kind::BankCard,
    ];
}

/// A personal value planted in a text.
#[derive(Debug, Clone)]
pub struct Planted {
    pub kind: Kind,
    /// The value as a form would record it.
    pub canonical: String,
    /// What stays visible before the value when it is masked (`+86 `, `(`), part of
    /// `written`.
    pub prefix: String,
    /// The value as written in the text, `prefix` included; starts and ends (after the
    /// prefix) with a visible character of the value.
    pub written: String,
    /// The name of the written form, for reports.
    pub form: &'static str,
}

/// A piece of a document.
#[derive(Debug, Clone)]
pub enum Segment {
    /// Template text: no digits next to a slot, never `*`.
    Text(String),
    /// A planted personal value (index into [`Document::planted`]).
    Planted(usize),
    /// A number or code that is not personal data.
    Other(String),
}

/// A complaint text with what the case recorded.
#[derive(Debug, Clone)]
pub struct Document {
    pub language: &'static str,
    pub segments: Vec<Segment>,
    pub planted: Vec<Planted>,
    /// What the case records: the current identity values, and the content.
    pub data: PersonalData,
    /// Values the case held before `information_supplied` replaced them.
    pub superseded: Vec<PersonalData>,
}

impl Document {
    pub fn text(&self) -> String {
        let mut out = String::new();
        for s in &self.segments {
            match s {
                Segment::Text(t) | Segment::Other(t) => out.push_str(t),
                Segment::Planted(i) => out.push_str(&self.planted[*i].written),
            }
        }
        out
    }

    /// The byte range of each segment in [`Self::text`].
    pub fn ranges(&self) -> Vec<(usize, usize)> {
        let mut pos = 0;
        self.segments
            .iter()
            .map(|s| {
                let len = match s {
                    Segment::Text(t) | Segment::Other(t) => t.len(),
                    Segment::Planted(i) => self.planted[*i].written.len(),
                };
                pos += len;
                (pos - len, pos)
            })
            .collect()
    }
}

const ZERO_WIDTH: &[&str] = &[
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{200E}",
];
const SEPARATORS: &[&str] = &[
    " ", "-", "–", "—", "_", "/", ".", "\u{3000}", "－", "‐", "﹣", " - ", "\u{2212}", "·",
    "\u{00A0}", "・", "／", "＿", "  ",
];

fn full_width(c: char) -> char {
    match c {
        '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Writes `chars` with separators at `cuts` (indices before which one stands), digits
/// full-width when `wide`, and invisible characters between some characters.
fn write(rng: &mut Rng, chars: &[char], cuts: &[usize], wide: bool, invisible: bool) -> String {
    let separator = rng.pick(SEPARATORS);
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 {
            if cuts.contains(&i) {
                out.push_str(separator);
            }
            if invisible && rng.chance(35) {
                out.push_str(rng.pick(ZERO_WIDTH));
            }
        }
        out.push(if wide { full_width(c) } else { c });
    }
    out
}

/// Where a number's groups end, in the usual grouping or at random.
fn cuts(rng: &mut Rng, len: usize, usual: &[usize]) -> (Vec<usize>, &'static str) {
    match rng.below(4) {
        0 => (Vec::new(), "plain"),
        1 | 2 => (usual.to_vec(), "grouped"),
        _ => {
            let n = 1 + rng.below(4);
            let mut c: Vec<usize> = (0..n).map(|_| 1 + rng.below(len - 1)).collect();
            c.sort_unstable();
            c.dedup();
            (c, "cut at random")
        }
    }
}

fn digit_form(rng: &mut Rng, digits: &str, usual: &[usize]) -> (String, &'static str) {
    let chars: Vec<char> = digits.chars().collect();
    let (cuts, grouping) = cuts(rng, chars.len(), usual);
    let wide = rng.chance(20);
    let invisible = rng.chance(25);
    let form = match (wide, invisible) {
        (true, true) => "full-width, zero-width",
        (true, false) => "full-width",
        (false, true) => "zero-width",
        (false, false) => grouping,
    };
    (write(rng, &chars, &cuts, wide, invisible), form)
}

pub fn mobile(rng: &mut Rng) -> String {
    format!("1{}{}", 3 + rng.below(7), rng.digits(9))
}

/// An area code and a local number starting 2–8.
pub fn landline(rng: &mut Rng) -> (String, String) {
    let area = rng.pick(&[
        "010", "021", "022", "020", "0755", "0571", "028", "0512", "0898",
    ]);
    let len = if area.len() == 4 && rng.chance(30) {
        7
    } else {
        8
    };
    let local = format!("{}{}", 2 + rng.below(7), rng.digits(len - 1));
    (area.to_owned(), local)
}

const REGIONS: &[&str] = &[
    "110101", "310115", "440305", "330106", "510107", "420106", "320102", "610113", "500103",
    "120101", "370202", "810000", "650102",
];

fn birth(rng: &mut Rng, from: i32, to: i32) -> chrono::NaiveDate {
    let start = chrono::NaiveDate::from_ymd_opt(from, 1, 1).unwrap();
    let end = chrono::NaiveDate::from_ymd_opt(to, 12, 31).unwrap();
    let days = (end - start).num_days() as usize;
    start + chrono::Duration::days(rng.below(days + 1) as i64)
}

/// The ISO 7064 MOD 11-2 check character of 17 digits.
pub fn id_check(head: &str) -> char {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = head
        .chars()
        .zip(W)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

pub fn id18(rng: &mut Rng) -> String {
    let head = format!(
        "{}{}{}",
        rng.pick(REGIONS),
        birth(rng, 1935, 2007).format("%Y%m%d"),
        rng.digits(3)
    );
    let check = id_check(&head);
    format!("{head}{check}")
}

pub fn id15(rng: &mut Rng) -> String {
    format!(
        "{}{}{}",
        rng.pick(REGIONS),
        birth(rng, 1930, 1990).format("%y%m%d"),
        rng.digits(3)
    )
}

pub fn luhn_digit(body: &str) -> char {
    let sum: u32 = body
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = c.to_digit(10).unwrap();
            if i % 2 == 0 {
                let d = d * 2;
                if d > 9 { d - 9 } else { d }
            } else {
                d
            }
        })
        .sum();
    char::from_digit((10 - sum % 10) % 10, 10).unwrap()
}

pub fn bank_card(rng: &mut Rng) -> String {
    let prefix = rng.pick(&[
        "622202", "622848", "621700", "622588", "623668", "625965", "436742", "518710", "4392",
        "5187", "6259",
    ]);
    let len = rng.pick(&[16, 19, 19, 16, 17, 18]);
    let body = format!("{prefix}{}", rng.digits(len - 1 - prefix.len()));
    let check = luhn_digit(&body);
    format!("{body}{check}")
}

const LOCAL_PARTS: &[&str] = &[
    "zhangsan",
    "li.wei",
    "wang_fang88",
    "chen-jie",
    "liuyang2019",
    "x",
    "huang.mei",
    "zhao123",
    "sunny_li",
    "kevin.wu",
];
const DOMAINS: &[&str] = &[
    "qq.com",
    "163.com",
    "126.com",
    "gmail.com",
    "outlook.com",
    "sina.com.cn",
    "foxmail.com",
    "example.com.cn",
    "mail.ustc.edu.cn",
];

pub fn email(rng: &mut Rng) -> String {
    let local = rng.pick(LOCAL_PARTS).to_string();
    let local = if rng.chance(40) {
        format!("{local}{}", rng.some_digits(1, 4))
    } else {
        local
    };
    format!("{local}@{}", rng.pick(DOMAINS))
}

const SURNAMES: &[&str] = &[
    "張", "陳", "劉", "楊", "黃", "趙", "吳", "鄭", "馮", "孫", "謝", "韓", "鄧", "許", "蕭", "蘇",
    "葉", "呂", "盧", "蔣", "王", "李", "周", "徐", "何", "郭", "林", "羅", "高", "梁", "歐陽",
    "司馬", "諸葛",
];
const GIVEN: &[&str] = &[
    "偉", "華", "國", "強", "軍", "傑", "濤", "鵬", "輝", "剛", "麗", "豔", "紅", "雲", "鳳", "穎",
    "瑩", "潔", "嬌", "豐", "興", "銘", "明", "芳", "娟", "敏", "靜", "婷", "磊", "洋", "勇", "龍",
    "寶", "玲", "曉", "嵐", "飛", "鑫", "三",
];
const LATIN: &[&str] = &[
    "Zhang Wei",
    "Li Na",
    "John Smith",
    "Mary Chen",
    "Wang Xiaoming",
    "Lucy Liu",
    "Chen Jie",
    "Ouyang Ming",
    "Anna Müller",
    "José Núñez",
];

pub fn chinese_name(rng: &mut Rng) -> String {
    let mut name = rng.pick(SURNAMES).to_string();
    for _ in 0..1 + rng.below(2) {
        name.push_str(rng.pick(GIVEN));
    }
    name
}

/// The character in the other script, when the folding table has it.
fn other_script(c: char) -> char {
    let pairs = traditional_pairs();
    if let Some(&(_, s)) = pairs.iter().find(|&&(t, _)| t == c) {
        return s;
    }
    pairs.iter().find(|&&(_, s)| s == c).map_or(c, |&(t, _)| t)
}

fn name_form(rng: &mut Rng, name: &str) -> (String, &'static str) {
    let chinese = !name.is_ascii() && name.chars().all(|c| !c.is_ascii_alphabetic());
    if chinese {
        let chars: Vec<char> = name.chars().collect();
        match rng.below(5) {
            0 => (name.to_owned(), "as recorded"),
            1 => (
                chars.iter().map(|&c| other_script(c)).collect(),
                "other script",
            ),
            2 => {
                let mixed: Vec<char> = chars
                    .iter()
                    .map(|&c| if rng.chance(50) { other_script(c) } else { c })
                    .collect();
                (
                    write(rng, &mixed, &[], false, true),
                    "zero-width, mixed script",
                )
            }
            3 => (write(rng, &chars, &[1], false, false), "separated"),
            _ => (
                write(rng, &chars, &[], false, true).chars().collect(),
                "zero-width",
            ),
        }
    } else {
        let chars: Vec<char> = name.chars().collect();
        match rng.below(5) {
            0 => (name.to_owned(), "as recorded"),
            1 => (name.to_uppercase(), "upper case"),
            2 => (name.to_lowercase().replace(' ', "-"), "lower case, hyphen"),
            3 => (name.replace(' ', "_"), "underscore"),
            _ => (write(rng, &chars, &[], false, true), "zero-width"),
        }
    }
}

fn email_form(rng: &mut Rng, email: &str) -> (String, &'static str) {
    let (local, domain) = email.split_once('@').unwrap();
    match rng.below(7) {
        0 => (email.to_owned(), "as recorded"),
        1 => (email.to_uppercase(), "upper case"),
        2 => (email.chars().map(full_width).collect(), "full-width"),
        3 => (format!("{local}＠{domain}"), "full-width @"),
        4 => (
            format!("{local}@{}", domain.replace('.', "。")),
            "ideographic full stop",
        ),
        5 => (format!("{local} @ {domain}"), "spaced @"),
        _ => {
            let chars: Vec<char> = email.chars().collect();
            (write(rng, &chars, &[], false, true), "zero-width")
        }
    }
}

/// Plants a value of `kind`.
pub fn plant(rng: &mut Rng, kind: Kind, english: bool) -> Planted {
    let (canonical, prefix, body, form) = match kind {
        Kind::Name => {
            let name = if english && rng.chance(70) || rng.chance(10) {
                rng.pick(LATIN).to_string()
            } else {
                chinese_name(rng)
            };
            let (w, f) = name_form(rng, &name);
            (name, String::new(), w, f)
        }
        Kind::Mobile => {
            let m = mobile(rng);
            let (w, f) = digit_form(rng, &m, &[3, 7]);
            let prefix = match rng.below(8) {
                0 => "+86 ",
                1 => "+86-",
                2 => "+86",
                3 => "0086 ",
                4 => "(+86) ",
                5 => "86-",
                _ => "",
            };
            (m, prefix.to_owned(), w, f)
        }
        Kind::Landline => {
            let (area, local) = landline(rng);
            let canonical = format!("{area}-{local}");
            match rng.below(4) {
                0 => {
                    let national = format!("{}{local}", &area[1..]);
                    let (w, f) = digit_form(rng, &national, &[area.len() - 1]);
                    (canonical, "+86 ".to_owned(), w, f)
                }
                1 => {
                    let sep = rng.pick(&[")", ") ", "）"]);
                    let (w, f) = digit_form(rng, &local, &[4]);
                    let open = if sep == "）" { "（" } else { "(" };
                    (canonical, open.to_owned(), format!("{area}{sep}{w}"), f)
                }
                _ => {
                    let (w, f) = digit_form(rng, &format!("{area}{local}"), &[area.len()]);
                    (canonical, String::new(), w, f)
                }
            }
        }
        Kind::Id18 => {
            let id = id18(rng);
            let (head, check) = id.split_at(17);
            let (mut w, f) = digit_form(rng, head, &[6, 14]);
            let check: String = if check == "X" {
                rng.pick(&["X", "x", "Ｘ", "ｘ"]).to_owned()
            } else if w.chars().any(|c| c as u32 > 0xFF00) {
                check.chars().map(full_width).collect()
            } else {
                check.to_owned()
            };
            w.push_str(&check);
            (id, String::new(), w, f)
        }
        Kind::Id15 => {
            let id = id15(rng);
            let (w, f) = digit_form(rng, &id, &[6, 12]);
            (id, String::new(), w, f)
        }
        Kind::Email => {
            let e = email(rng);
            let (w, f) = email_form(rng, &e);
            (e, String::new(), w, f)
        }
        Kind::BankCard => {
            let c = bank_card(rng);
            let usual: Vec<usize> = (4..c.len()).step_by(4).collect();
            let (w, f) = digit_form(rng, &c, &usual);
            (c, String::new(), w, f)
        }
    };
    Planted {
        kind,
        canonical,
        written: format!("{prefix}{body}"),
        prefix,
        form,
    }
}

/// What a non-personal number or code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherKind {
    Order,
    Date,
    Amount,
    Hotline,
    Product,
    Tracking,
    Quantity,
    InvoiceCode,
    InvoiceNumber,
    Postcode,
}

/// Writes a given `value` of `kind` in a random form (no prefix for phones).
pub fn plant_value(rng: &mut Rng, kind: Kind, value: &str) -> Planted {
    let (written, form) = match kind {
        Kind::Name => name_form(rng, value),
        Kind::Email => email_form(rng, value),
        _ => digit_form(rng, value, &[3, 7]),
    };
    Planted {
        kind,
        canonical: value.to_owned(),
        prefix: String::new(),
        written,
        form,
    }
}

/// A number or code that is not personal data, in a form complaints use.
pub fn other(rng: &mut Rng, what: OtherKind) -> (String, &'static str) {
    let date = birth(rng, 2019, 2026);
    match what {
        OtherKind::Order => match rng.below(3) {
            0 => (
                format!("{}{}", date.format("%Y%m%d"), rng.some_digits(6, 5)),
                "order number (date + serial)",
            ),
            1 => (
                format!("{}{}", 1 + rng.below(4), rng.digits(18)),
                "order number (19 digits)",
            ),
            _ => (
                format!("{}{}", 2 + rng.below(3), rng.digits(11)),
                "order number (12 digits)",
            ),
        },
        OtherKind::Date => match rng.below(3) {
            0 => (
                format!(
                    "{} {:02}:{:02}",
                    date.format("%Y-%m-%d"),
                    rng.below(24),
                    rng.below(60)
                ),
                "date and time",
            ),
            _ => (
                date.format(rng.pick(&["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%-m月%-d日"]))
                    .to_string(),
                "date",
            ),
        },
        OtherKind::Amount => (
            match rng.below(4) {
                0 => format!(
                    "¥{},{:03}.{:02}",
                    1 + rng.below(99),
                    rng.below(1000),
                    rng.below(100)
                ),
                1 => format!("{}元", 1 + rng.below(99_999)),
                2 => format!("RMB {}.00", 1 + rng.below(9_999)),
                _ => format!("${}.{:02}", 1 + rng.below(999), rng.below(100)),
            },
            "amount",
        ),
        OtherKind::Hotline => (
            rng.pick(&[
                "400-820-8820",
                "400 888 6666",
                "4008208820",
                "800-810-8888",
                "400-100-5678",
                "95555",
                "12315",
                "12345",
                "10086",
            ])
            .to_string(),
            "service number",
        ),
        OtherKind::Product => match rng.below(2) {
            0 => (
                format!(
                    "{}-{}-{:02}",
                    rng.pick(&["SKU", "MX", "AB", "PN"]),
                    rng.some_digits(4, 5),
                    rng.below(100)
                ),
                "product code",
            ),
            _ => (
                rng.pick(&["iPhone 15 Pro", "Model 3", "v2.3.1", "Wi-Fi 6", "5G", "A4"])
                    .to_string(),
                "model name",
            ),
        },
        OtherKind::Tracking => (
            format!(
                "{}{}",
                rng.pick(&["SF", "YT", "JD", "ZTO", "EMS"]),
                tracking_digits(rng)
            ),
            "tracking number",
        ),
        OtherKind::Quantity => (format!("{} 件", 1 + rng.below(20)), "quantity"),
        OtherKind::InvoiceCode => (
            format!("{}{}", rng.pick(&["1440", "3100", "1100"]), rng.digits(8)),
            "invoice code (12 digits)",
        ),
        OtherKind::InvoiceNumber => (rng.digits(8), "invoice number (8 digits)"),
        OtherKind::Postcode => (
            rng.pick(&["100101", "518057", "200120", "310012"])
                .to_string(),
            "postal code",
        ),
    }
}

/// A slot in a template.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Personal(Kind),
    /// The complainant's phone (recorded) or e-mail.
    Contact,
    /// A superseded name or contact (recorded first, then replaced).
    Old(Kind),
    Other(OtherKind),
}

/// Template sentences: text and `{}` slots.
fn templates(language: &str) -> &'static [(&'static str, &'static [Slot])] {
    use Kind::*;
    use OtherKind::*;
    use Slot::*;
    match language {
        "zh-Hans" => &[
            (
                "我叫{}，手机{}，上周在贵司门店购买的商品有质量问题。",
                &[Personal(Name), Contact],
            ),
            (
                "订单号{}，下单时间{}，金额{}。",
                &[Other(Order), Other(Date), Other(Amount)],
            ),
            (
                "我之前登记的名字写错了，原来写成了{}，电话也换了，旧号码{}已停用。",
                &[Old(Name), Old(Mobile)],
            ),
            (
                "客服热线{}一直打不通，后来转到{}才有人接。",
                &[Other(Hotline), Personal(Landline)],
            ),
            (
                "请把退款打到我的银行卡{}，开户人{}。",
                &[Personal(BankCard), Personal(Name)],
            ),
            (
                "身份证号码{}，如需核实请联系我爱人，电话{}。",
                &[Personal(Id18), Personal(Mobile)],
            ),
            (
                "快递单号{}，商品型号{}，一共{}。",
                &[Other(Tracking), Other(Product), Other(Quantity)],
            ),
            ("我的邮箱是{}，也可以发到{}。", &[Contact, Personal(Email)]),
            ("老身份证是{}，新的还没换。", &[Personal(Id15)]),
            (
                "发票代码{}，发票号码{}，邮编{}。",
                &[Other(InvoiceCode), Other(InvoiceNumber), Other(Postcode)],
            ),
        ],
        "zh-Hant" => &[
            (
                "本人{}，聯絡電話{}，對貴司售後服務態度非常不滿。",
                &[Personal(Name), Contact],
            ),
            (
                "訂單編號{}，付款日期{}，共計{}。",
                &[Other(Order), Other(Date), Other(Amount)],
            ),
            (
                "先前登記的聯絡方式{}已不再使用，舊名字{}也請更正。",
                &[Old(Mobile), Old(Name)],
            ),
            ("辦公室電話{}，平日九點到五點有人。", &[Personal(Landline)]),
            (
                "退款請匯入帳戶{}，戶名{}。",
                &[Personal(BankCard), Personal(Name)],
            ),
            (
                "身分證字號{}，緊急聯絡人手機{}。",
                &[Personal(Id18), Personal(Mobile)],
            ),
            (
                "客服專線{}始終無人接聽，產品型號{}。",
                &[Other(Hotline), Other(Product)],
            ),
            ("電子郵件{}，或寄到{}亦可。", &[Contact, Personal(Email)]),
            ("舊式身分證號碼{}。", &[Personal(Id15)]),
            (
                "物流單號{}，發票號碼{}，數量{}。",
                &[Other(Tracking), Other(InvoiceNumber), Other(Quantity)],
            ),
        ],
        _ => &[
            (
                "My name is {} and my phone number is {}; the delivery arrived broken.",
                &[Personal(Name), Contact],
            ),
            (
                "Order no. {}, placed on {}, total {}.",
                &[Other(Order), Other(Date), Other(Amount)],
            ),
            (
                "Please ignore my old number {} and the old name {} on the first form.",
                &[Old(Mobile), Old(Name)],
            ),
            (
                "Your hotline {} never answers, so call my office on {} instead.",
                &[Other(Hotline), Personal(Landline)],
            ),
            (
                "Refund to card {} please (holder {}).",
                &[Personal(BankCard), Personal(Name)],
            ),
            (
                "ID number {}, and my wife can be reached on {} too.",
                &[Personal(Id18), Personal(Mobile)],
            ),
            (
                "Tracking {}, model {}, quantity {}.",
                &[Other(Tracking), Other(Product), Other(Quantity)],
            ),
            (
                "Write to {} or to my work address {}.",
                &[Contact, Personal(Email)],
            ),
            ("My old ID card reads {}.", &[Personal(Id15)]),
            (
                "Invoice code {} / invoice no. {} / postcode {}.",
                &[Other(InvoiceCode), Other(InvoiceNumber), Other(Postcode)],
            ),
        ],
    }
}

pub const LANGUAGES: [&str; 3] = ["zh-Hans", "zh-Hant", "en"];

/// A complaint of 3 to 8 sentences in `language`, with about half the planted values
/// recorded on the case (the complainant's own name and contact, superseded values) and the
/// others not (third parties, a second phone, an ID number or card written in the text).
pub fn document(rng: &mut Rng, language: &'static str) -> Document {
    let english = language == "en";
    let templates = templates(language);
    let mut doc = Document {
        language,
        segments: Vec::new(),
        planted: Vec::new(),
        data: PersonalData::default(),
        superseded: Vec::new(),
    };
    let mut text_before = String::new();
    for _ in 0..3 + rng.below(6) {
        let (template, slots) = rng.pick(templates);
        let mut pieces = template.split("{}");
        text_before.push_str(pieces.next().unwrap_or(""));
        for (slot, after) in slots.iter().zip(pieces) {
            doc.segments
                .push(Segment::Text(std::mem::take(&mut text_before)));
            match *slot {
                Slot::Other(what) => {
                    let (value, _) = other(rng, what);
                    doc.segments.push(Segment::Other(value));
                }
                Slot::Personal(kind) => {
                    let p = plant(rng, kind, english);
                    // The complainant's own name is recorded; third parties are not.
                    if kind == Kind::Name && doc.data.complainant_name.is_none() {
                        doc.data.complainant_name = Some(p.canonical.clone());
                    } else if kind == Kind::Id18 && doc.data.id_number.is_none() && rng.chance(50) {
                        doc.data.id_number = Some(p.canonical.clone());
                    } else if kind == Kind::Name {
                        // A second person's name cannot be recognised; write a third party
                        // as a phone instead.
                        let p = plant(rng, Kind::Mobile, english);
                        doc.segments.push(Segment::Planted(doc.planted.len()));
                        doc.planted.push(p);
                        text_before.push_str(after);
                        continue;
                    }
                    doc.segments.push(Segment::Planted(doc.planted.len()));
                    doc.planted.push(p);
                }
                Slot::Contact => {
                    let email = rng.chance(30);
                    let p = plant(rng, if email { Kind::Email } else { Kind::Mobile }, english);
                    let field = if email {
                        &mut doc.data.contact_email
                    } else {
                        &mut doc.data.contact_phone
                    };
                    field.get_or_insert_with(|| p.canonical.clone());
                    doc.segments.push(Segment::Planted(doc.planted.len()));
                    doc.planted.push(p);
                }
                Slot::Old(kind) => {
                    // Each correction (`information_supplied`) supersedes one value.
                    let p = plant(rng, kind, english);
                    let mut old = PersonalData::default();
                    match kind {
                        Kind::Name => old.complainant_name = Some(p.canonical.clone()),
                        _ => old.contact_phone = Some(p.canonical.clone()),
                    }
                    doc.superseded.push(old);
                    doc.segments.push(Segment::Planted(doc.planted.len()));
                    doc.planted.push(p);
                }
            }
            text_before.push_str(after);
        }
        if english {
            text_before.push(' ');
        }
    }
    doc.segments.push(Segment::Text(text_before));
    doc.data.content = Some(doc.text());
    doc
}

/// The byte ranges of `original` that `redacted` replaced by `***`, or `None` when the
/// redacted text is not the original with stretches replaced.
pub fn replaced(original: &str, redacted: &str) -> Option<Vec<(usize, usize)>> {
    let pieces: Vec<&str> = redacted.split(FULLY_MASKED).collect();
    let first = pieces.first()?;
    if !original.starts_with(first) {
        return None;
    }
    let mut spans = Vec::new();
    let mut dead = HashSet::new();
    if align(original, &pieces, 1, first.len(), &mut spans, &mut dead) {
        Some(spans)
    } else {
        None
    }
}

/// Whether `pieces[i..]`, each after a non-empty replaced stretch, make up `original[pos..]`.
fn align(
    original: &str,
    pieces: &[&str],
    i: usize,
    pos: usize,
    spans: &mut Vec<(usize, usize)>,
    dead: &mut HashSet<(usize, usize)>,
) -> bool {
    let Some(piece) = pieces.get(i) else {
        return pos == original.len();
    };
    if dead.contains(&(i, pos)) {
        return false;
    }
    let last = i + 1 == pieces.len();
    let mut q = pos + 1;
    while q <= original.len() {
        if original.is_char_boundary(q)
            && original[q..].starts_with(piece)
            && (!last || q + piece.len() == original.len())
        {
            spans.push((pos, q));
            if align(original, pieces, i + 1, q + piece.len(), spans, dead) {
                return true;
            }
            spans.pop();
        }
        q += 1;
    }
    dead.insert((i, pos));
    false
}

/// The 12 to 16 digits of a tracking number, never a mobile number behind the country code
/// (`86…` or `0086…` and a `1`): `YT008619974194812` holds a phone number as written and is
/// masked, rightly; a real carrier would not issue it, and the property is about the others.
fn tracking_digits(rng: &mut Rng) -> String {
    loop {
        let digits = rng.some_digits(12, 4);
        if !(digits.starts_with("861") || digits.starts_with("00861")) {
            return digits;
        }
    }
}
