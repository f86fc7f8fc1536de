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
//! words, a few hundred common characters of complaints about products, service and
//! management, and the characters of personal names (common surnames and given-name
//! characters, so that redaction finds `張三豐` written `张三丰`, see [`crate::privacy`]).
//! A Traditional character outside it stays as it is, so a keyword that uses it
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
    ('乾', '干'), ('來', '来'), ('係', '系'), ('個', '个'), ('們', '们'), ('倫', '伦'), ('偉', '伟'),
    ('傑', '杰'), ('傢', '家'), ('傭', '佣'), ('傳', '传'), ('債', '债'), ('傷', '伤'), ('僑', '侨'),
    ('僱', '雇'), ('價', '价'), ('儀', '仪'), ('億', '亿'), ('儉', '俭'), ('償', '偿'), ('優', '优'),
    ('儲', '储'), ('兇', '凶'), ('兌', '兑'), ('兒', '儿'), ('內', '内'), ('兩', '两'), ('凈', '净'),
    ('凱', '凯'), ('則', '则'), ('剋', '克'), ('剛', '刚'), ('劃', '划'), ('劉', '刘'), ('劍', '剑'),
    ('勁', '劲'), ('動', '动'), ('務', '务'), ('勛', '勋'), ('勝', '胜'), ('勞', '劳'), ('勳', '勋'),
    ('勵', '励'), ('區', '区'), ('協', '协'), ('厲', '厉'), ('參', '参'), ('叢', '丛'), ('吳', '吴'),
    ('呂', '吕'), ('員', '员'), ('問', '问'), ('喬', '乔'), ('單', '单'), ('嚴', '严'), ('國', '国'),
    ('園', '园'), ('圓', '圆'), ('圖', '图'), ('團', '团'), ('執', '执'), ('堯', '尧'), ('報', '报'),
    ('場', '场'), ('塗', '涂'), ('塵', '尘'), ('墾', '垦'), ('壇', '坛'), ('壓', '压'), ('壞', '坏'),
    ('壯', '壮'), ('壽', '寿'), ('夠', '够'), ('夢', '梦'), ('奪', '夺'), ('奮', '奋'), ('婁', '娄'),
    ('婦', '妇'), ('婭', '娅'), ('媽', '妈'), ('嫺', '娴'), ('嫻', '娴'), ('嬌', '娇'), ('孫', '孙'),
    ('學', '学'), ('宮', '宫'), ('實', '实'), ('寧', '宁'), ('審', '审'), ('寫', '写'), ('寬', '宽'),
    ('寶', '宝'), ('將', '将'), ('專', '专'), ('尋', '寻'), ('對', '对'), ('導', '导'), ('層', '层'),
    ('屬', '属'), ('岡', '冈'), ('島', '岛'), ('崗', '岗'), ('崢', '峥'), ('嵐', '岚'), ('嶠', '峤'),
    ('嶺', '岭'), ('嶽', '岳'), ('巒', '峦'), ('巖', '岩'), ('帥', '帅'), ('師', '师'), ('帳', '帐'),
    ('帶', '带'), ('幣', '币'), ('幫', '帮'), ('幹', '干'), ('幾', '几'), ('庫', '库'), ('廁', '厕'),
    ('廠', '厂'), ('廣', '广'), ('廬', '庐'), ('廳', '厅'), ('張', '张'), ('強', '强'), ('彎', '弯'),
    ('彥', '彦'), ('後', '后'), ('徑', '径'), ('從', '从'), ('復', '复'), ('徵', '征'), ('悅', '悦'),
    ('惡', '恶'), ('愛', '爱'), ('愷', '恺'), ('態', '态'), ('慶', '庆'), ('憐', '怜'), ('憑', '凭'),
    ('憲', '宪'), ('憶', '忆'), ('應', '应'), ('懲', '惩'), ('懷', '怀'), ('懸', '悬'), ('戀', '恋'),
    ('戰', '战'), ('戲', '戏'), ('戶', '户'), ('掛', '挂'), ('採', '采'), ('揚', '扬'), ('換', '换'),
    ('損', '损'), ('擇', '择'), ('據', '据'), ('擱', '搁'), ('擾', '扰'), ('攜', '携'), ('敗', '败'),
    ('敘', '叙'), ('數', '数'), ('斕', '斓'), ('斷', '断'), ('於', '于'), ('時', '时'), ('晉', '晋'),
    ('暉', '晖'), ('暢', '畅'), ('曄', '晔'), ('曆', '历'), ('曇', '昙'), ('曉', '晓'), ('曠', '旷'),
    ('書', '书'), ('會', '会'), ('朧', '胧'), ('東', '东'), ('條', '条'), ('棟', '栋'), ('楊', '杨'),
    ('楓', '枫'), ('楨', '桢'), ('業', '业'), ('榮', '荣'), ('樂', '乐'), ('樓', '楼'), ('標', '标'),
    ('樣', '样'), ('樸', '朴'), ('樺', '桦'), ('橋', '桥'), ('機', '机'), ('橫', '横'), ('檔', '档'),
    ('檢', '检'), ('檯', '台'), ('櫃', '柜'), ('櫥', '橱'), ('櫻', '樱'), ('權', '权'), ('歐', '欧'),
    ('歡', '欢'), ('歲', '岁'), ('歷', '历'), ('歸', '归'), ('殘', '残'), ('殺', '杀'), ('毀', '毁'),
    ('氣', '气'), ('汙', '污'), ('決', '决'), ('沒', '没'), ('沖', '冲'), ('況', '况'), ('淵', '渊'),
    ('測', '测'), ('湯', '汤'), ('準', '准'), ('溝', '沟'), ('溫', '温'), ('滄', '沧'), ('滬', '沪'),
    ('滿', '满'), ('漁', '渔'), ('漢', '汉'), ('漣', '涟'), ('漲', '涨'), ('潔', '洁'), ('潤', '润'),
    ('澗', '涧'), ('澤', '泽'), ('濕', '湿'), ('濟', '济'), ('濤', '涛'), ('濫', '滥'), ('濱', '滨'),
    ('瀅', '滢'), ('瀋', '沈'), ('瀏', '浏'), ('瀟', '潇'), ('瀾', '澜'), ('灑', '洒'), ('灝', '灏'),
    ('灣', '湾'), ('災', '灾'), ('為', '为'), ('無', '无'), ('煒', '炜'), ('煙', '烟'), ('煥', '焕'),
    ('煩', '烦'), ('熱', '热'), ('熾', '炽'), ('燁', '烨'), ('燈', '灯'), ('營', '营'), ('燦', '灿'),
    ('爍', '烁'), ('爲', '为'), ('爾', '尔'), ('牆', '墙'), ('狀', '状'), ('猶', '犹'), ('獅', '狮'),
    ('獎', '奖'), ('獨', '独'), ('獲', '获'), ('現', '现'), ('瑋', '玮'), ('瑣', '琐'), ('瑤', '瑶'),
    ('瑩', '莹'), ('璉', '琏'), ('璣', '玑'), ('環', '环'), ('璽', '玺'), ('璿', '璇'), ('瓊', '琼'),
    ('瓏', '珑'), ('瓔', '璎'), ('瓚', '瓒'), ('甌', '瓯'), ('產', '产'), ('畝', '亩'), ('畢', '毕'),
    ('畫', '画'), ('異', '异'), ('當', '当'), ('療', '疗'), ('發', '发'), ('盡', '尽'), ('監', '监'),
    ('盤', '盘'), ('盧', '卢'), ('碩', '硕'), ('確', '确'), ('碼', '码'), ('祿', '禄'), ('禍', '祸'),
    ('禪', '禅'), ('禮', '礼'), ('稅', '税'), ('種', '种'), ('稱', '称'), ('積', '积'), ('穎', '颖'),
    ('穩', '稳'), ('穫', '获'), ('窮', '穷'), ('競', '竞'), ('筆', '笔'), ('筍', '笋'), ('節', '节'),
    ('範', '范'), ('築', '筑'), ('簡', '简'), ('簽', '签'), ('籃', '篮'), ('粵', '粤'), ('糧', '粮'),
    ('紀', '纪'), ('約', '约'), ('紅', '红'), ('紈', '纨'), ('紋', '纹'), ('納', '纳'), ('純', '纯'),
    ('紗', '纱'), ('紘', '纮'), ('紙', '纸'), ('級', '级'), ('紜', '纭'), ('紡', '纺'), ('細', '细'),
    ('紳', '绅'), ('紹', '绍'), ('終', '终'), ('組', '组'), ('結', '结'), ('絕', '绝'), ('絡', '络'),
    ('給', '给'), ('絨', '绒'), ('統', '统'), ('絲', '丝'), ('經', '经'), ('綜', '综'), ('綠', '绿'),
    ('綬', '绶'), ('維', '维'), ('綱', '纲'), ('網', '网'), ('綸', '纶'), ('綺', '绮'), ('綾', '绫'),
    ('綿', '绵'), ('緊', '紧'), ('線', '线'), ('締', '缔'), ('緣', '缘'), ('緯', '纬'), ('練', '练'),
    ('緹', '缇'), ('緻', '致'), ('縈', '萦'), ('縉', '缙'), ('縝', '缜'), ('縞', '缟'), ('縣', '县'),
    ('縭', '缡'), ('縵', '缦'), ('總', '总'), ('績', '绩'), ('繆', '缪'), ('織', '织'), ('繡', '绣'),
    ('繫', '系'), ('繼', '继'), ('繽', '缤'), ('續', '续'), ('纏', '缠'), ('纓', '缨'), ('纖', '纤'),
    ('罰', '罚'), ('罵', '骂'), ('羅', '罗'), ('羨', '羡'), ('義', '义'), ('習', '习'), ('翹', '翘'),
    ('聖', '圣'), ('聞', '闻'), ('聯', '联'), ('聰', '聪'), ('聲', '声'), ('聶', '聂'), ('職', '职'),
    ('聽', '听'), ('肅', '肃'), ('脈', '脉'), ('脫', '脱'), ('臉', '脸'), ('臟', '脏'), ('臺', '台'),
    ('與', '与'), ('興', '兴'), ('舉', '举'), ('舊', '旧'), ('艷', '艳'), ('莊', '庄'), ('華', '华'),
    ('萊', '莱'), ('萬', '万'), ('葉', '叶'), ('葦', '苇'), ('蓀', '荪'), ('蓋', '盖'), ('蓮', '莲'),
    ('蓽', '荜'), ('蔣', '蒋'), ('蔥', '葱'), ('蕎', '荞'), ('蕩', '荡'), ('蕪', '芜'), ('蕭', '萧'),
    ('薈', '荟'), ('薌', '芗'), ('藍', '蓝'), ('藝', '艺'), ('藥', '药'), ('藹', '蔼'), ('蘆', '芦'),
    ('蘇', '苏'), ('蘊', '蕴'), ('蘋', '苹'), ('蘚', '藓'), ('蘭', '兰'), ('蘿', '萝'), ('處', '处'),
    ('虛', '虚'), ('號', '号'), ('蝦', '虾'), ('螢', '萤'), ('蟲', '虫'), ('蠶', '蚕'), ('術', '术'),
    ('衛', '卫'), ('衝', '冲'), ('裏', '里'), ('補', '补'), ('裝', '装'), ('裡', '里'), ('製', '制'),
    ('複', '复'), ('褲', '裤'), ('襪', '袜'), ('見', '见'), ('規', '规'), ('視', '视'), ('親', '亲'),
    ('覺', '觉'), ('覽', '览'), ('觀', '观'), ('訂', '订'), ('計', '计'), ('訊', '讯'), ('訓', '训'),
    ('記', '记'), ('訟', '讼'), ('訪', '访'), ('設', '设'), ('許', '许'), ('訴', '诉'), ('評', '评'),
    ('詞', '词'), ('詠', '咏'), ('詢', '询'), ('試', '试'), ('詩', '诗'), ('話', '话'), ('誌', '志'),
    ('認', '认'), ('誘', '诱'), ('語', '语'), ('誠', '诚'), ('誤', '误'), ('說', '说'), ('誰', '谁'),
    ('誼', '谊'), ('調', '调'), ('談', '谈'), ('諉', '诿'), ('請', '请'), ('論', '论'), ('諭', '谕'),
    ('諮', '咨'), ('諶', '谌'), ('諷', '讽'), ('諸', '诸'), ('諾', '诺'), ('謀', '谋'), ('謙', '谦'),
    ('講', '讲'), ('謝', '谢'), ('謠', '谣'), ('謨', '谟'), ('謹', '谨'), ('證', '证'), ('譏', '讥'),
    ('識', '识'), ('譚', '谭'), ('譯', '译'), ('議', '议'), ('護', '护'), ('譽', '誉'), ('讀', '读'),
    ('變', '变'), ('讓', '让'), ('讚', '赞'), ('豈', '岂'), ('豎', '竖'), ('豐', '丰'), ('豔', '艳'),
    ('貓', '猫'), ('貝', '贝'), ('貞', '贞'), ('財', '财'), ('貨', '货'), ('貪', '贪'), ('責', '责'),
    ('貴', '贵'), ('買', '买'), ('貸', '贷'), ('費', '费'), ('貼', '贴'), ('賀', '贺'), ('賂', '赂'),
    ('賄', '贿'), ('資', '资'), ('賈', '贾'), ('賓', '宾'), ('賜', '赐'), ('賠', '赔'), ('賢', '贤'),
    ('賣', '卖'), ('賦', '赋'), ('質', '质'), ('賬', '账'), ('賴', '赖'), ('購', '购'), ('賽', '赛'),
    ('贇', '赟'), ('贊', '赞'), ('贏', '赢'), ('贛', '赣'), ('趕', '赶'), ('趙', '赵'), ('蹤', '踪'),
    ('躍', '跃'), ('車', '车'), ('軍', '军'), ('軒', '轩'), ('軟', '软'), ('較', '较'), ('載', '载'),
    ('輔', '辅'), ('輕', '轻'), ('輛', '辆'), ('輝', '辉'), ('輪', '轮'), ('輸', '输'), ('轅', '辕'),
    ('轉', '转'), ('轎', '轿'), ('辦', '办'), ('辭', '辞'), ('農', '农'), ('這', '这'), ('連', '连'),
    ('週', '周'), ('進', '进'), ('遊', '游'), ('運', '运'), ('過', '过'), ('達', '达'), ('違', '违'),
    ('遙', '遥'), ('遞', '递'), ('遠', '远'), ('遲', '迟'), ('遼', '辽'), ('邁', '迈'), ('還', '还'),
    ('邊', '边'), ('郵', '邮'), ('鄉', '乡'), ('鄒', '邹'), ('鄔', '邬'), ('鄧', '邓'), ('鄭', '郑'),
    ('鄰', '邻'), ('鄺', '邝'), ('醫', '医'), ('釋', '释'), ('釗', '钊'), ('針', '针'), ('釵', '钗'),
    ('鈔', '钞'), ('鈞', '钧'), ('鈴', '铃'), ('鈺', '钰'), ('鉛', '铅'), ('銀', '银'), ('銅', '铜'),
    ('銓', '铨'), ('銘', '铭'), ('銳', '锐'), ('銷', '销'), ('銹', '锈'), ('鋁', '铝'), ('鋒', '锋'),
    ('鋼', '钢'), ('錄', '录'), ('錚', '铮'), ('錢', '钱'), ('錦', '锦'), ('錫', '锡'), ('錯', '错'),
    ('錶', '表'), ('鍇', '锴'), ('鍊', '炼'), ('鍍', '镀'), ('鍵', '键'), ('鍾', '钟'), ('鎖', '锁'),
    ('鎮', '镇'), ('鏈', '链'), ('鏡', '镜'), ('鏽', '锈'), ('鐘', '钟'), ('鐳', '镭'), ('鐵', '铁'),
    ('鐸', '铎'), ('鑄', '铸'), ('鑒', '鉴'), ('鑰', '钥'), ('長', '长'), ('門', '门'), ('閃', '闪'),
    ('開', '开'), ('閏', '闰'), ('間', '间'), ('閔', '闵'), ('閣', '阁'), ('閩', '闽'), ('閭', '闾'),
    ('閱', '阅'), ('閻', '阎'), ('闈', '闱'), ('闊', '阔'), ('闖', '闯'), ('關', '关'), ('陝', '陕'),
    ('陣', '阵'), ('陰', '阴'), ('陳', '陈'), ('陸', '陆'), ('陽', '阳'), ('隊', '队'), ('際', '际'),
    ('隨', '随'), ('險', '险'), ('隱', '隐'), ('隴', '陇'), ('隻', '只'), ('雋', '隽'), ('雖', '虽'),
    ('雙', '双'), ('雛', '雏'), ('雜', '杂'), ('雞', '鸡'), ('難', '难'), ('雲', '云'), ('電', '电'),
    ('霧', '雾'), ('霽', '霁'), ('靂', '雳'), ('靄', '霭'), ('靈', '灵'), ('靚', '靓'), ('靜', '静'),
    ('韋', '韦'), ('韌', '韧'), ('韓', '韩'), ('韜', '韬'), ('韻', '韵'), ('響', '响'), ('頁', '页'),
    ('頂', '顶'), ('項', '项'), ('順', '顺'), ('頌', '颂'), ('頎', '颀'), ('預', '预'), ('頓', '顿'),
    ('頗', '颇'), ('領', '领'), ('頡', '颉'), ('頤', '颐'), ('頭', '头'), ('頰', '颊'), ('頻', '频'),
    ('顆', '颗'), ('題', '题'), ('額', '额'), ('顏', '颜'), ('願', '愿'), ('類', '类'), ('顥', '颢'),
    ('顧', '顾'), ('顯', '显'), ('風', '风'), ('颯', '飒'), ('颱', '台'), ('飄', '飘'), ('飆', '飙'),
    ('飛', '飞'), ('飯', '饭'), ('飲', '饮'), ('餅', '饼'), ('餘', '余'), ('館', '馆'), ('饋', '馈'),
    ('饒', '饶'), ('馬', '马'), ('馮', '冯'), ('馳', '驰'), ('駒', '驹'), ('駱', '骆'), ('駿', '骏'),
    ('騎', '骑'), ('騏', '骐'), ('騙', '骗'), ('騰', '腾'), ('騷', '骚'), ('驊', '骅'), ('驍', '骁'),
    ('驕', '骄'), ('驗', '验'), ('驛', '驿'), ('驥', '骥'), ('髒', '脏'), ('體', '体'), ('髮', '发'),
    ('鬆', '松'), ('鬢', '鬓'), ('鬥', '斗'), ('鬧', '闹'), ('鬱', '郁'), ('魚', '鱼'), ('魯', '鲁'),
    ('鮑', '鲍'), ('鮮', '鲜'), ('鯤', '鲲'), ('鯨', '鲸'), ('鳥', '鸟'), ('鳩', '鸠'), ('鳳', '凤'),
    ('鳴', '鸣'), ('鳶', '鸢'), ('鴉', '鸦'), ('鴛', '鸳'), ('鴦', '鸯'), ('鴻', '鸿'), ('鴿', '鸽'),
    ('鵑', '鹃'), ('鵝', '鹅'), ('鵡', '鹉'), ('鵬', '鹏'), ('鵰', '雕'), ('鵲', '鹊'), ('鶯', '莺'),
    ('鶴', '鹤'), ('鶼', '鹣'), ('鷗', '鸥'), ('鷥', '鸶'), ('鷦', '鹪'), ('鷲', '鹫'), ('鷹', '鹰'),
    ('鷺', '鹭'), ('鸕', '鸬'), ('鸚', '鹦'), ('鸛', '鹳'), ('鸝', '鹂'), ('鸞', '鸾'), ('鹽', '盐'),
    ('麗', '丽'), ('麥', '麦'), ('麪', '面'), ('麵', '面'), ('麼', '么'), ('黃', '黄'), ('點', '点'),
    ('黨', '党'), ('黴', '霉'), ('齊', '齐'), ('齋', '斋'), ('齒', '齿'), ('齡', '龄'), ('龍', '龙'),
    ('龐', '庞'), ('龔', '龚'), ('龜', '龟'),
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
