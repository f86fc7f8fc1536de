//! Text folding for matching: one function that makes the scripts and widths of Chinese
//! writing compare equal, applied to complaint texts, keywords and complaint words alike.
//!
//! [`fold_char`] maps
//! - full-width ASCII forms (`Ｑ`, `＠`, `１`) to ASCII, and the ideographic space and every
//!   other white space to a plain space;
//! - ASCII capitals to small letters;
//! - Traditional Chinese characters to their Simplified forms (`質` → `质`, `訴` → `诉`).
//!
//! Every mapping is one character to one character, so a position in a folded text is the
//! same position in the original.
//!
//! **Coverage.** The Traditional → Simplified table is compact and hand-written (checked
//! against OpenCC's character table): the characters of the default keywords and complaint
//! words, and a few hundred common characters of complaints about products, service and
//! management. A Traditional character outside it stays as it is, so a keyword that uses it
//! matches only texts in the same script. Keywords in a policy are folded by this same
//! function, so matching is always consistent; write such a keyword in both scripts if both
//! must match. Conversions that need words rather than characters (`乾` vs `幹`, both `干`)
//! are out of scope: folding only has to make equal what should match, not produce good
//! Simplified text.

/// Folds one character for matching (see the module documentation).
///
/// ```
/// use complaint_office::classify::text::fold_char;
/// assert_eq!(fold_char('質'), '质');
/// assert_eq!(fold_char('Ｃ'), 'c');
/// assert_eq!(fold_char('\u{3000}'), ' ');
/// assert_eq!(fold_char('质'), '质');
/// ```
#[inline]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return if c.is_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
    }
    let code = c as u32;
    if code < 0x10000 {
        let word = (code >> 6) as usize;
        let bits = TRADITIONAL_BITS.get(word).copied().unwrap_or(0);
        let bit = 1u64 << (code & 63);
        if bits & bit != 0 {
            // The table's index of `c`: the set bits before it.
            let rank = TRADITIONAL_RANK.get(word).copied().unwrap_or(0) as usize
                + (bits & (bit - 1)).count_ones() as usize;
            return TRADITIONAL.get(rank).map_or(c, |&(_, s)| s);
        }
        if (0x4E00..=0x9FFF).contains(&code) {
            // The common case of Chinese text: an ideograph that folds to itself.
            return c;
        }
    }
    if (0xFF01..=0xFF5E).contains(&code) {
        // The full-width forms block mirrors ASCII 0x21..=0x7E.
        return char::from_u32(code - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase());
    }
    if c.is_whitespace() { ' ' } else { c }
}

/// Folds a text for matching (see the module documentation).
///
/// ```
/// use complaint_office::classify::text::fold;
/// assert_eq!(fold("投訴：產品質量"), "投诉:产品质量");
/// assert_eq!(fold("ＣＯＭＰＬＡＩＮＴ"), "complaint");
/// ```
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Whether `text` contains `word` under folding, with the keyword rule for English: a word
/// that starts with an ASCII letter or digit matches only at the start of a word.
///
/// ```
/// use complaint_office::classify::text::contains;
/// assert!(contains("Re: 关于售后的投诉", "投訴"));
/// assert!(contains("ＣＯＭＰＬＡＩＮＴＳ department", "complaint"));
/// assert!(!contains("noncomplaint", "complaint"));
/// ```
pub fn contains(text: &str, word: &str) -> bool {
    let word: Vec<char> = word.trim().chars().map(fold_char).collect();
    let Some(&first) = word.first() else {
        return false;
    };
    let text: Vec<char> = text.chars().map(fold_char).collect();
    let word_start = first.is_ascii_alphanumeric();
    (0..text.len()).any(|i| {
        let after_word = i > 0 && text.get(i - 1).is_some_and(char::is_ascii_alphanumeric);
        !(word_start && after_word) && text.get(i..).is_some_and(|rest| rest.starts_with(&word))
    })
}

/// Whether [`fold_char`] gives an ASCII letter or digit, without folding.
#[inline]
pub(crate) fn folds_to_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        matches!(c as u32, 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
    }
}

/// Every character that [`fold_char`] maps to `folded` (`folded` itself when it is folded).
pub(crate) fn unfold(folded: char) -> Vec<char> {
    let mut out = Vec::new();
    if fold_char(folded) == folded {
        out.push(folded);
    }
    let mut ascii = vec![folded];
    if folded.is_ascii_lowercase() {
        ascii.push(folded.to_ascii_uppercase());
    }
    for a in ascii {
        if a != folded {
            out.push(a);
        }
        if ('\u{21}'..='\u{7E}').contains(&a) {
            out.extend(char::from_u32(a as u32 + 0xFEE0));
        }
    }
    out.extend(
        TRADITIONAL
            .iter()
            .filter(|&&(_, s)| s == folded)
            .map(|&(t, _)| t),
    );
    out
}

/// Full-width ASCII forms to ASCII and the ideographic space to a space, nothing else: for
/// contact details, where case and script matter.
pub(crate) fn narrow(c: char) -> char {
    match c as u32 {
        code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// The Traditional → Simplified pairs [`fold_char`] knows, sorted by the Traditional character.
pub fn traditional_pairs() -> &'static [(char, char)] {
    TRADITIONAL
}

/// Whether a text has nothing but white space and invisible format characters (zero-width
/// spaces and joiners, the byte-order mark).
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    })
}

// One bit per Basic Multilingual Plane code point: set for the Traditional characters of the
// table, so that the common case (a character not in it) costs one load; with the number of
// bits set before each word, a set bit's rank is the character's index in the sorted table.
static TRADITIONAL_BITS: [u64; 1024] = traditional_bits();
static TRADITIONAL_RANK: [u16; 1024] = traditional_rank();

const fn traditional_bits() -> [u64; 1024] {
    let mut bits = [0u64; 1024];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let code = TRADITIONAL[i].0 as u32;
        if code < 0x10000 {
            bits[(code >> 6) as usize] |= 1 << (code & 63);
        }
        i += 1;
    }
    bits
}

const fn traditional_rank() -> [u16; 1024] {
    let bits = traditional_bits();
    let mut rank = [0u16; 1024];
    let mut total = 0u32;
    let mut i = 0;
    while i < 1024 {
        rank[i] = total as u16;
        total += bits[i].count_ones();
        i += 1;
    }
    rank
}

/// Traditional → Simplified, sorted by the Traditional character, all in the Basic
/// Multilingual Plane.
#[rustfmt::skip]
static TRADITIONAL: &[(char, char)] = &[
    ('乾', '干'), ('來', '来'), ('係', '系'), ('個', '个'), ('們', '们'), ('傢', '家'), ('傭', '佣'),
    ('債', '债'), ('傷', '伤'), ('僱', '雇'), ('價', '价'), ('儀', '仪'), ('億', '亿'), ('償', '偿'),
    ('優', '优'), ('儲', '储'), ('兇', '凶'), ('內', '内'), ('兩', '两'), ('則', '则'), ('剋', '克'),
    ('劉', '刘'), ('動', '动'), ('務', '务'), ('勞', '劳'), ('區', '区'), ('協', '协'), ('吳', '吴'),
    ('員', '员'), ('問', '问'), ('單', '单'), ('嚴', '严'), ('國', '国'), ('園', '园'), ('圖', '图'),
    ('團', '团'), ('執', '执'), ('報', '报'), ('場', '场'), ('壓', '压'), ('壞', '坏'), ('壽', '寿'),
    ('夠', '够'), ('學', '学'), ('實', '实'), ('審', '审'), ('寫', '写'), ('寬', '宽'), ('專', '专'),
    ('對', '对'), ('導', '导'), ('層', '层'), ('屬', '属'), ('島', '岛'), ('崗', '岗'), ('師', '师'),
    ('帳', '帐'), ('幣', '币'), ('幫', '帮'), ('幹', '干'), ('幾', '几'), ('庫', '库'), ('廁', '厕'),
    ('廠', '厂'), ('廣', '广'), ('廳', '厅'), ('張', '张'), ('後', '后'), ('從', '从'), ('復', '复'),
    ('惡', '恶'), ('愛', '爱'), ('態', '态'), ('憑', '凭'), ('憲', '宪'), ('應', '应'), ('懲', '惩'),
    ('戲', '戏'), ('戶', '户'), ('掛', '挂'), ('採', '采'), ('換', '换'), ('損', '损'), ('據', '据'),
    ('擱', '搁'), ('擾', '扰'), ('敗', '败'), ('數', '数'), ('斷', '断'), ('於', '于'), ('時', '时'),
    ('曆', '历'), ('書', '书'), ('會', '会'), ('東', '东'), ('條', '条'), ('楊', '杨'), ('業', '业'),
    ('樓', '楼'), ('標', '标'), ('樣', '样'), ('機', '机'), ('橫', '横'), ('檔', '档'), ('檢', '检'),
    ('檯', '台'), ('櫃', '柜'), ('櫥', '橱'), ('權', '权'), ('歲', '岁'), ('歷', '历'), ('歸', '归'),
    ('殘', '残'), ('毀', '毁'), ('氣', '气'), ('汙', '污'), ('決', '决'), ('沒', '没'), ('沖', '冲'),
    ('況', '况'), ('測', '测'), ('湯', '汤'), ('準', '准'), ('溝', '沟'), ('溫', '温'), ('滿', '满'),
    ('漢', '汉'), ('漲', '涨'), ('濕', '湿'), ('濫', '滥'), ('灣', '湾'), ('災', '灾'), ('為', '为'),
    ('無', '无'), ('煩', '烦'), ('熱', '热'), ('燈', '灯'), ('營', '营'), ('爲', '为'), ('牆', '墙'),
    ('狀', '状'), ('獎', '奖'), ('獨', '独'), ('獲', '获'), ('現', '现'), ('環', '环'), ('產', '产'),
    ('畫', '画'), ('異', '异'), ('當', '当'), ('療', '疗'), ('發', '发'), ('監', '监'), ('碼', '码'),
    ('禍', '祸'), ('禮', '礼'), ('稅', '税'), ('種', '种'), ('稱', '称'), ('積', '积'), ('穫', '获'),
    ('筆', '笔'), ('節', '节'), ('範', '范'), ('簽', '签'), ('紀', '纪'), ('約', '约'), ('紅', '红'),
    ('紙', '纸'), ('級', '级'), ('組', '组'), ('結', '结'), ('絕', '绝'), ('絡', '络'), ('給', '给'),
    ('統', '统'), ('經', '经'), ('綠', '绿'), ('維', '维'), ('網', '网'), ('緊', '紧'), ('線', '线'),
    ('練', '练'), ('縣', '县'), ('總', '总'), ('績', '绩'), ('織', '织'), ('繫', '系'), ('罰', '罚'),
    ('罵', '骂'), ('義', '义'), ('習', '习'), ('聞', '闻'), ('聯', '联'), ('聲', '声'), ('職', '职'),
    ('聽', '听'), ('脫', '脱'), ('臟', '脏'), ('臺', '台'), ('與', '与'), ('舉', '举'), ('舊', '旧'),
    ('華', '华'), ('萬', '万'), ('藍', '蓝'), ('藝', '艺'), ('藥', '药'), ('處', '处'), ('號', '号'),
    ('蟲', '虫'), ('術', '术'), ('衛', '卫'), ('衝', '冲'), ('裏', '里'), ('補', '补'), ('裝', '装'),
    ('裡', '里'), ('製', '制'), ('複', '复'), ('褲', '裤'), ('襪', '袜'), ('見', '见'), ('規', '规'),
    ('視', '视'), ('親', '亲'), ('訂', '订'), ('計', '计'), ('訊', '讯'), ('訓', '训'), ('記', '记'),
    ('訟', '讼'), ('訪', '访'), ('設', '设'), ('許', '许'), ('訴', '诉'), ('評', '评'), ('詢', '询'),
    ('試', '试'), ('話', '话'), ('認', '认'), ('誘', '诱'), ('語', '语'), ('誤', '误'), ('說', '说'),
    ('誰', '谁'), ('調', '调'), ('談', '谈'), ('諉', '诿'), ('請', '请'), ('論', '论'), ('諮', '咨'),
    ('諷', '讽'), ('講', '讲'), ('謝', '谢'), ('證', '证'), ('譏', '讥'), ('識', '识'), ('議', '议'),
    ('讀', '读'), ('變', '变'), ('讓', '让'), ('貓', '猫'), ('財', '财'), ('貨', '货'), ('貪', '贪'),
    ('責', '责'), ('貴', '贵'), ('買', '买'), ('貸', '贷'), ('費', '费'), ('貼', '贴'), ('賂', '赂'),
    ('賄', '贿'), ('資', '资'), ('賓', '宾'), ('賠', '赔'), ('賣', '卖'), ('質', '质'), ('賬', '账'),
    ('購', '购'), ('賽', '赛'), ('趙', '赵'), ('蹤', '踪'), ('車', '车'), ('軟', '软'), ('較', '较'),
    ('輕', '轻'), ('輛', '辆'), ('輸', '输'), ('轉', '转'), ('辭', '辞'), ('這', '这'), ('週', '周'),
    ('進', '进'), ('遊', '游'), ('運', '运'), ('過', '过'), ('達', '达'), ('違', '违'), ('遞', '递'),
    ('遠', '远'), ('遲', '迟'), ('還', '还'), ('邊', '边'), ('郵', '邮'), ('鄉', '乡'), ('鄭', '郑'),
    ('醫', '医'), ('銀', '银'), ('銷', '销'), ('銹', '锈'), ('鋼', '钢'), ('錄', '录'), ('錢', '钱'),
    ('錯', '错'), ('錶', '表'), ('鍾', '钟'), ('鎖', '锁'), ('鎮', '镇'), ('鏽', '锈'), ('鐘', '钟'),
    ('鐵', '铁'), ('鑰', '钥'), ('長', '长'), ('門', '门'), ('開', '开'), ('間', '间'), ('關', '关'),
    ('陳', '陈'), ('隊', '队'), ('際', '际'), ('險', '险'), ('隱', '隐'), ('隻', '只'), ('雙', '双'),
    ('雜', '杂'), ('雞', '鸡'), ('難', '难'), ('電', '电'), ('靈', '灵'), ('響', '响'), ('頂', '顶'),
    ('項', '项'), ('預', '预'), ('領', '领'), ('頭', '头'), ('頻', '频'), ('題', '题'), ('額', '额'),
    ('顏', '颜'), ('願', '愿'), ('顯', '显'), ('颱', '台'), ('飯', '饭'), ('飲', '饮'), ('餘', '余'),
    ('館', '馆'), ('饋', '馈'), ('馬', '马'), ('馮', '冯'), ('騙', '骗'), ('騷', '骚'), ('驗', '验'),
    ('髒', '脏'), ('體', '体'), ('髮', '发'), ('鬆', '松'), ('鬧', '闹'), ('魚', '鱼'), ('魯', '鲁'),
    ('鳥', '鸟'), ('麗', '丽'), ('麪', '面'), ('麵', '面'), ('麼', '么'), ('黃', '黄'), ('點', '点'),
    ('黨', '党'), ('黴', '霉'), ('齡', '龄'), ('龍', '龙'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_idempotent() {
        assert!(TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TRADITIONAL.iter().all(|&(t, _)| (t as u32) < 0x10000));
        for &(t, s) in TRADITIONAL {
            assert_ne!(t, s);
            assert_eq!(fold_char(t), s, "{t}");
            assert_eq!(fold_char(s), s, "{s} must not be folded again");
        }
    }

    #[test]
    fn widths_cases_and_spaces() {
        assert_eq!(fold("Ｃｏｍｐｌａｉｎｔ：１２３"), "complaint:123");
        assert_eq!(fold("a\u{3000}b\tc\u{00A0}d"), "a b c d");
        assert_eq!(fold("投訴 投诉"), "投诉 投诉");
        assert_eq!(fold("😀é"), "😀é");
    }

    #[test]
    fn unfold_finds_every_preimage() {
        for folded in ['质', 'c', '1', ':', '么'] {
            let mut want: Vec<char> = (0..0x30000u32)
                .filter_map(char::from_u32)
                .filter(|&c| fold_char(c) == folded)
                .collect();
            let mut got = unfold(folded);
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{folded}");
            for &c in &got {
                assert_eq!(folds_to_alphanumeric(c), folded.is_ascii_alphanumeric());
            }
        }
    }

    #[test]
    fn blanks() {
        assert!(is_blank(""));
        assert!(is_blank(" \t\u{3000}\u{200B}\n"));
        assert!(!is_blank(" 張 "));
    }
}
