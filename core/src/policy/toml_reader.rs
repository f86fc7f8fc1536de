//! The fast way into a TOML policy: a reader of our own for the part of TOML 1.0 that policy
//! files are written in, which hands the document to serde without the toml crate.
//!
//! **Why.** The toml crate reads a document into a tree of spanned values (every key, value and
//! table with its byte range, for its error messages) before serde sees a key: about 7,100
//! instructions a keyword, 2.5 µs, where the whole JSON way costs 0.7 µs. Policy files use a
//! small part of TOML; this reader reads that part into a plain tree (texts borrowed from the
//! input wherever they have no escapes) and deserialises from it through [`super::guard`],
//! which checks the limits and gives up on any unknown key, as it does for JSON.
//!
//! **Never a different answer.** The reader does not report errors: on anything outside its
//! part of TOML, and on anything that could be an error, it returns `None`, and the caller reads
//! the text with the toml crate exactly as before (so every error, its key, line and column,
//! comes from the same code as before). What it accepts it must read as the toml crate reads
//! it: tests in this file compare the two on every policy of the conformance vectors, on
//! hand-written edge cases and on generated documents, hostile ones included.
//!
//! Read here (anything else, such as multi-line strings, hexadecimal or `_` in numbers, times
//! and date-times, `inf` and `nan`, a byte-order mark, a table of more than
//! [`MAX_LIST_ITEMS`] keys, TOML 1.1's newlines and trailing commas in inline tables and its
//! `\e` and `\x` escapes, goes to the toml crate):
//! - `key = value` lines, with bare, quoted and dotted keys (dotted keys only into tables the
//!   same section made by dotted keys); comments; blank lines; `\n` or `\r\n` line ends;
//! - `[table]` and `[[array.of.tables]]` headers, with TOML's rules on defining a table
//!   once (a header may only descend through tables made by headers and arrays of tables);
//! - basic strings with TOML 1.0's escapes, literal strings, booleans, decimal integers that
//!   fit in 64 bits, decimal floats, local dates (`2025-01-01`, read as the text a JSON policy
//!   writes, as the checked way reads toml's dates), arrays over several lines, one-line
//!   inline tables with plain keys.
//!
//! Sizes: nesting past [`MAX_DEPTH`] and lists or tables past [`MAX_LIST_ITEMS`] stop the
//! reader before it goes further (the toml crate's way then refuses them, naming the key); the
//! guard checks texts and counts again as it deserialises. Lookups of keys are linear up to
//! [`INDEXED`] keys and hashed beyond, so reading stays linear in the size of the text.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::de::value::CowStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::limits::{MAX_DEPTH, MAX_LIST_ITEMS};

/// Tables with more keys than this look their keys up in a hash map.
const INDEXED: usize = 16;

/// The document in `text`, or `None` where the toml crate must read it.
pub(super) fn read(text: &str) -> Option<Node<'_>> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        sections: 0,
        path: Vec::new(),
    };
    let root = reader.document()?;
    Some(Node::Table(root))
}

/// A value of the document.
#[derive(Debug)]
pub(super) enum Node<'a> {
    Text(Cow<'a, str>),
    Integer(i64),
    Float(f64),
    Bool(bool),
    /// An array written as a value (`[1, 2]`).
    List(Vec<Node<'a>>),
    /// An array of tables (`[[name]]` headers).
    Tables(Vec<Table<'a>>),
    Table(Table<'a>),
}

/// How a table came to be: TOML lets each table be defined once, and dotted keys and headers
/// extend only some tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Made as a step of a header's path (`a` of `[a.b]`): a header may still define it.
    Implicit,
    /// Defined by a header, or an element of an array of tables.
    Header,
    /// Made by a dotted key in the section with this number: only that section extends it.
    Dotted(u32),
    /// An inline table, `{ … }`: closed.
    Inline,
}

/// A table: its entries in the order written.
#[derive(Debug)]
pub(super) struct Table<'a> {
    entries: Vec<(Cow<'a, str>, Node<'a>)>,
    /// Position of each key, once there are more than [`INDEXED`].
    /// (Boxed: most tables have few keys, and a small table moves faster.)
    #[expect(clippy::box_collection, reason = "a small table moves faster")]
    index: Option<Box<HashMap<Cow<'a, str>, usize>>>,
    kind: Kind,
}

impl<'a> Table<'a> {
    fn new(kind: Kind) -> Self {
        Self {
            entries: Vec::new(),
            index: None,
            kind,
        }
    }

    fn find(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| k == key),
        }
    }

    /// Adds an entry whose key is not in the table yet; its position. `None` past
    /// [`MAX_LIST_ITEMS`] keys.
    fn push(&mut self, key: Cow<'a, str>, node: Node<'a>) -> Option<usize> {
        let at = self.entries.len();
        if at >= MAX_LIST_ITEMS {
            return None;
        }
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), at);
        }
        self.entries.push((key, node));
        if self.index.is_none() && self.entries.len() > INDEXED {
            self.index = Some(Box::new(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.clone(), i))
                    .collect(),
            ));
        }
        Some(at)
    }

    /// The table under `key` that a header's path steps through, made if missing; an array
    /// of tables steps into its last table.
    fn step(&mut self, key: Cow<'a, str>) -> Option<&mut Table<'a>> {
        let at = match self.find(&key) {
            Some(at) => at,
            None => self.push(key, Node::Table(Table::new(Kind::Implicit)))?,
        };
        match &mut self.entries.get_mut(at)?.1 {
            Node::Table(table) if matches!(table.kind, Kind::Implicit | Kind::Header) => {
                Some(table)
            }
            Node::Tables(tables) => tables.last_mut(),
            _ => None,
        }
    }

    /// The table under `key` that a dotted key of section `section` steps through, made if
    /// missing.
    fn dotted(&mut self, key: Cow<'a, str>, section: u32) -> Option<&mut Table<'a>> {
        let at = match self.find(&key) {
            Some(at) => at,
            None => self.push(key, Node::Table(Table::new(Kind::Dotted(section))))?,
        };
        match &mut self.entries.get_mut(at)?.1 {
            Node::Table(table) if table.kind == Kind::Dotted(section) => Some(table),
            _ => None,
        }
    }

    /// Sets `key`, which must be new.
    fn set(&mut self, key: Cow<'a, str>, node: Node<'a>) -> Option<()> {
        if self.find(&key).is_some() {
            return None;
        }
        self.push(key, node).map(drop)
    }
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Headers read so far: the number of the current section.
    sections: u32,
    /// The keys of the header or dotted key being read (kept to reuse its memory).
    path: Vec<Cow<'a, str>>,
}

/// A byte TOML allows in no string or comment: a control character other than tab.
const fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

/// The bytes that end the plain run of a basic string: its end, an escape, or a byte it may
/// not hold (a table: the reader's inner loops look each byte up once).
static ENDS_BASIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b == b'"' as usize || b == b'\\' as usize || is_control(b as u8);
        b += 1;
    }
    table
};

/// The bytes of bare keys: `A-Z a-z 0-9 _ -`.
static BARE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize || b == b'-' as usize;
        b += 1;
    }
    table
};

impl<'a> Reader<'a> {
    /// The text not read yet.
    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    /// How many bytes from here on are `in_run`.
    fn run(&self, in_run: impl Fn(u8) -> bool) -> usize {
        let rest = self.rest();
        rest.iter().position(|&b| !in_run(b)).unwrap_or(rest.len())
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// The rest of a line after its content: spaces, perhaps a comment, then the line's end
    /// (or the end of the text).
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_spaces();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        self.newline_or_end()
    }

    /// A comment up to (not including) its line's end.
    fn comment(&mut self) -> Option<()> {
        self.pos += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\n' => break,
                b'\r' if self.peek_at(1) == Some(b'\n') => break,
                b if is_control(b) => return None,
                _ => self.pos += 1,
            }
        }
        Some(())
    }

    fn newline_or_end(&mut self) -> Option<()> {
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.pos += 1;
                Some(())
            }
            Some(b'\r') if self.peek_at(1) == Some(b'\n') => {
                self.pos += 2;
                Some(())
            }
            _ => None,
        }
    }

    /// Spaces, line ends and comments, as arrays allow between their items.
    fn skip_blank(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t') => self.pos += 1,
                Some(b'#') => self.comment()?,
                Some(b'\n' | b'\r') => self.newline_or_end()?,
                _ => return Some(()),
            }
        }
    }

    fn document(&mut self) -> Option<Table<'a>> {
        let mut root = Table::new(Kind::Header);
        let mut current = &mut root;
        let mut section = 0;
        loop {
            self.skip_spaces();
            match self.peek() {
                None => break,
                Some(b'\n' | b'\r') => self.newline_or_end()?,
                Some(b'#') => {
                    self.comment()?;
                    self.newline_or_end()?;
                }
                Some(b'[') => {
                    self.sections = self.sections.checked_add(1)?;
                    section = self.sections;
                    current = self.header(&mut root)?;
                    self.end_of_line()?;
                }
                Some(_) => {
                    self.key_value(current, section, 0)?;
                    self.end_of_line()?;
                }
            }
        }
        Some(root)
    }

    /// `[a.b]` or `[[a.b]]`: the table it opens.
    fn header<'t>(&mut self, root: &'t mut Table<'a>) -> Option<&'t mut Table<'a>> {
        self.pos += 1;
        let array = self.eat(b'[').is_some();
        self.skip_spaces();
        self.key_path()?;
        self.eat(b']')?;
        if array {
            self.eat(b']')?;
        }
        let mut path = std::mem::take(&mut self.path);
        let last = path.pop()?;
        let mut table = root;
        for key in path.drain(..) {
            table = table.step(key)?;
        }
        self.path = path;
        if array {
            let at = match table.find(&last) {
                Some(at) => at,
                None => table.push(last, Node::Tables(Vec::new()))?,
            };
            match &mut table.entries.get_mut(at)?.1 {
                Node::Tables(tables) if tables.len() < MAX_LIST_ITEMS => {
                    tables.push(Table::new(Kind::Header));
                    tables.last_mut()
                }
                _ => None,
            }
        } else {
            let (at, made) = match table.find(&last) {
                Some(at) => (at, false),
                None => (
                    table.push(last, Node::Table(Table::new(Kind::Header)))?,
                    true,
                ),
            };
            match &mut table.entries.get_mut(at)?.1 {
                // Just made, or made as a step of an earlier header's path: this header
                // defines it.
                Node::Table(table) if made || table.kind == Kind::Implicit => {
                    table.kind = Kind::Header;
                    Some(table)
                }
                _ => None,
            }
        }
    }

    /// The keys of a header or a dotted key, into `self.path`, and the spaces after them.
    fn key_path(&mut self) -> Option<()> {
        self.path.clear();
        loop {
            let key = self.key()?;
            // A path deeper than any value may be: the toml crate's way refuses it.
            if self.path.len() > MAX_DEPTH {
                return None;
            }
            self.path.push(key);
            self.skip_spaces();
            if self.eat(b'.').is_none() {
                return Some(());
            }
            self.skip_spaces();
        }
    }

    /// A bare or quoted key.
    fn key(&mut self) -> Option<Cow<'a, str>> {
        match self.peek()? {
            b'"' => self.basic_string(),
            b'\'' => self.literal_string(),
            _ => {
                let start = self.pos;
                self.pos += self.run(|b| BARE[usize::from(b)]);
                if self.pos == start {
                    return None;
                }
                self.text.get(start..self.pos).map(Cow::Borrowed)
            }
        }
    }

    /// `key = value` into `table`, for section `section`.
    fn key_value(&mut self, table: &mut Table<'a>, section: u32, depth: usize) -> Option<()> {
        self.key_path()?;
        self.eat(b'=')?;
        self.skip_spaces();
        let mut path = std::mem::take(&mut self.path);
        let last = path.pop()?;
        let mut table = table;
        for key in path.drain(..) {
            table = table.dotted(key, section)?;
        }
        self.path = path;
        let value = self.value(depth)?;
        table.set(last, value)
    }

    /// A value, at `depth` levels of arrays and inline tables.
    fn value(&mut self, depth: usize) -> Option<Node<'a>> {
        match self.peek()? {
            b'"' => self.basic_string().map(Node::Text),
            b'\'' => self.literal_string().map(Node::Text),
            b'[' => self.array(depth + 1),
            b'{' => self.inline_table(depth + 1),
            _ => self.scalar(),
        }
    }

    /// A boolean, number or date: the run of characters such values are written with.
    fn scalar(&mut self) -> Option<Node<'a>> {
        let start = self.pos;
        while self.peek().is_some_and(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.' | b'_' | b':')
        }) {
            self.pos += 1;
        }
        let token = self.text.get(start..self.pos)?;
        match token {
            "true" => return Some(Node::Bool(true)),
            "false" => return Some(Node::Bool(false)),
            _ => {}
        }
        if is_date(token.as_bytes()) {
            return Some(Node::Text(Cow::Borrowed(token)));
        }
        let digits = token.strip_prefix(['+', '-']).unwrap_or(token);
        let (whole, rest) = digits.split_at(
            digits
                .bytes()
                .position(|b| !b.is_ascii_digit())
                .unwrap_or(digits.len()),
        );
        // TOML: no leading zeros, at least one digit before any fraction or exponent.
        if whole.is_empty() || (whole.len() > 1 && whole.starts_with('0')) {
            return None;
        }
        if rest.is_empty() {
            return token.parse().ok().map(Node::Integer);
        }
        let exponent = match rest.strip_prefix('.') {
            Some(fraction) => {
                let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
                if digits == 0 {
                    return None;
                }
                fraction.get(digits..)?
            }
            None => rest,
        };
        if !exponent.is_empty() {
            let power = exponent.strip_prefix(['e', 'E'])?;
            let power = power.strip_prefix(['+', '-']).unwrap_or(power);
            if power.is_empty() || !power.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
        let float: f64 = token.parse().ok()?;
        float.is_finite().then_some(Node::Float(float))
    }

    /// `"…"` (not `"""`), its escapes read.
    fn basic_string(&mut self) -> Option<Cow<'a, str>> {
        if self.peek_at(1) == Some(b'"') && self.peek_at(2) == Some(b'"') {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        // Up to the first escape, the text is the input's.
        self.pos += self.run(|b| !ENDS_BASIC[usize::from(b)]);
        match self.peek()? {
            b'"' => {
                let text = self.text.get(start..self.pos)?;
                self.pos += 1;
                return Some(Cow::Borrowed(text));
            }
            b'\\' => {}
            _ => return None,
        }
        let mut out = String::from(self.text.get(start..self.pos)?);
        loop {
            let run = self.pos;
            self.pos += self.run(|b| !ENDS_BASIC[usize::from(b)]);
            out.push_str(self.text.get(run..self.pos)?);
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    let escape = self.peek_at(1)?;
                    self.pos += 2;
                    out.push(match escape {
                        b'b' => '\u{8}',
                        b't' => '\t',
                        b'n' => '\n',
                        b'f' => '\u{c}',
                        b'r' => '\r',
                        b'"' => '"',
                        b'\\' => '\\',
                        b'u' => self.unicode(4)?,
                        b'U' => self.unicode(8)?,
                        _ => return None,
                    });
                }
                _ => return None,
            }
        }
    }

    /// The character of `digits` hexadecimal digits (`\u` and `\U` escapes).
    fn unicode(&mut self, digits: usize) -> Option<char> {
        let hex = self.text.get(self.pos..self.pos + digits)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += digits;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }

    /// `'…'` (not `'''`): the text as written.
    fn literal_string(&mut self) -> Option<Cow<'a, str>> {
        if self.peek_at(1) == Some(b'\'') && self.peek_at(2) == Some(b'\'') {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek()? {
                b'\'' => {
                    let text = self.text.get(start..self.pos)?;
                    self.pos += 1;
                    return Some(Cow::Borrowed(text));
                }
                b if is_control(b) => return None,
                _ => self.pos += 1,
            }
        }
    }

    /// `[a, b, …]`, over lines if need be, a comma after the last item allowed.
    fn array(&mut self, depth: usize) -> Option<Node<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank()?;
            if self.eat(b']').is_some() {
                return Some(Node::List(items));
            }
            if items.len() >= MAX_LIST_ITEMS {
                return None;
            }
            items.push(self.value(depth)?);
            self.skip_blank()?;
            if self.eat(b',').is_none() {
                self.eat(b']')?;
                return Some(Node::List(items));
            }
        }
    }

    /// `{ a = 1, b = 2 }` on one line, without a comma after the last entry (TOML 1.0), with
    /// plain (not dotted) keys.
    fn inline_table(&mut self, depth: usize) -> Option<Node<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.pos += 1;
        let mut table = Table::new(Kind::Inline);
        self.skip_spaces();
        if self.eat(b'}').is_some() {
            return Some(Node::Table(table));
        }
        loop {
            let key = self.key()?;
            self.skip_spaces();
            self.eat(b'=')?;
            self.skip_spaces();
            let value = self.value(depth)?;
            table.set(key, value)?;
            self.skip_spaces();
            if self.eat(b'}').is_some() {
                return Some(Node::Table(table));
            }
            self.eat(b',')?;
            self.skip_spaces();
        }
    }
}

/// `YYYY-MM-DD`, a day of the proleptic Gregorian calendar (TOML's local date).
fn is_date(token: &[u8]) -> bool {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *token else {
        return false;
    };
    let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
    if !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let number = |bytes: &[u8]| {
        bytes
            .iter()
            .fold(0_u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    let (year, month, day) = (
        number(&digits[..4]),
        number(&digits[4..6]),
        number(&digits[6..]),
    );
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Why the tree did not deserialise: never shown (the guard gives up and the caller reads the
/// text the checked way, which names the problem).
#[derive(Debug)]
pub(super) struct Refused;

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not read the fast way")
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: std::fmt::Display>(_message: T) -> Self {
        Refused
    }
}

/// Values deserialise as the `serde_json::Value` the checked way makes of them would: numbers
/// from zero up as `u64`, below zero as `i64`; strings as variants of enums, and tables of one
/// key as variants with contents.
impl<'a> Deserializer<'a> for Node<'a> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self {
            Node::Text(Cow::Borrowed(text)) => visitor.visit_borrowed_str(text),
            Node::Text(Cow::Owned(text)) => visitor.visit_string(text),
            Node::Integer(n) => match u64::try_from(n) {
                Ok(n) => visitor.visit_u64(n),
                Err(_) => visitor.visit_i64(n),
            },
            Node::Float(x) => visitor.visit_f64(x),
            Node::Bool(b) => visitor.visit_bool(b),
            Node::List(items) => visit_items(items.into_iter(), visitor),
            Node::Tables(tables) => visit_items(tables.into_iter().map(Node::Table), visitor),
            Node::Table(table) => {
                let mut entries = Entries {
                    entries: table.entries.into_iter(),
                    value: None,
                };
                let value = visitor.visit_map(&mut entries)?;
                if entries.entries.len() == 0 {
                    Ok(value)
                } else {
                    Err(Refused)
                }
            }
        }
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Refused> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        match self {
            Node::Text(text) => visitor.visit_enum(CowStrDeserializer::<Refused>::new(text)),
            Node::Table(table) if table.entries.len() == 1 => {
                let (variant, value) = table.entries.into_iter().next().ok_or(Refused)?;
                visitor.visit_enum(Variant { variant, value })
            }
            _ => Err(Refused),
        }
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

/// Hands `items` to `visitor` as a sequence, all of which it must take.
fn visit_items<'a, I, V>(items: I, visitor: V) -> Result<V::Value, Refused>
where
    I: ExactSizeIterator<Item = Node<'a>>,
    V: Visitor<'a>,
{
    let mut items = Items { items };
    let value = visitor.visit_seq(&mut items)?;
    if items.items.len() == 0 {
        Ok(value)
    } else {
        Err(Refused)
    }
}

struct Items<I> {
    items: I,
}

impl<'a, I: ExactSizeIterator<Item = Node<'a>>> SeqAccess<'a> for &mut Items<I> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Refused> {
        self.items
            .next()
            .map(|item| seed.deserialize(item))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Entries<'a> {
    entries: std::vec::IntoIter<(Cow<'a, str>, Node<'a>)>,
    /// The value of the key just handed out.
    value: Option<Node<'a>>,
}

impl<'a> MapAccess<'a> for &mut Entries<'a> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refused> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(CowStrDeserializer::<Refused>::new(key))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Refused> {
        seed.deserialize(self.value.take().ok_or(Refused)?)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// A table of one key read as an enum: the key names the variant, its value the contents.
struct Variant<'a> {
    variant: Cow<'a, str>,
    value: Node<'a>,
}

impl<'a> de::EnumAccess<'a> for Variant<'a> {
    type Error = Refused;
    type Variant = Node<'a>;

    fn variant_seed<V: DeserializeSeed<'a>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Node<'a>), Refused> {
        let variant = seed.deserialize(CowStrDeserializer::<Refused>::new(self.variant))?;
        Ok((variant, self.value))
    }
}

/// The contents of a variant written as a table of one key.
impl<'a> de::VariantAccess<'a> for Node<'a> {
    type Error = Refused;

    fn unit_variant(self) -> Result<(), Refused> {
        // serde_json reads `{ "variant": null }` as a unit variant; TOML has no null.
        Err(Refused)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value, Refused> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Refused> {
        match self {
            Node::List(items) => visit_items(items.into_iter(), visitor),
            _ => Err(Refused),
        }
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        match self {
            Node::Table(_) => self.deserialize_any(visitor),
            _ => Err(Refused),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::Deserialize;
    use serde_json::Value;

    use super::super::Policy;
    use super::super::format::dates_to_strings;
    use super::*;

    /// Our reading of `text` as a JSON value, if we read it.
    fn ours(text: &str) -> Option<Value> {
        read(text).map(|node| Value::deserialize(node).unwrap())
    }

    /// The toml crate's reading, its dates as text (as the checked way reads them).
    fn theirs(text: &str) -> Option<Value> {
        let mut value: Value = toml::from_str(text).ok()?;
        dates_to_strings(&mut value, 0);
        Some(value)
    }

    /// What we read, the toml crate reads the same; and the policy (or the error) is the one
    /// the toml crate's way gives. `true` if we read it.
    fn agrees(text: &str) -> bool {
        let policy = Policy::from_toml_str(text);
        assert_eq!(policy, Policy::from_toml_by_crate(text), "{text:?}");
        match ours(text) {
            Some(value) => {
                assert_eq!(Some(value), theirs(text), "{text:?}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn reads_the_toml_policies_are_written_in() {
        let cases = [
            "",
            "\n\n# a comment\n\r\n",
            "name = \"ACME\"",
            "name = 'C:\\x\\y'  # a literal string",
            "name = \"tab\\there, \\\"quoted\\\", \\\\, \\u00e9\\U0001F600 \\b\\f\\r\\n\"",
            "name = \"甲乙\"\r\nlanguage = \"zh_hant\"\r\n",
            "\"name\" = \"x\"\n'office_offset' = \"+08:00\"",
            "a = 1\nb = -17\nc = +3\nd = 0\ne = -0\nf = 9223372036854775807\ng = -9223372036854775808",
            "a = 1.5\nb = -0.25\nc = 1e3\nd = 2.5E-3\ne = 6.02e+23\nf = 0.0\ng = -0.0",
            "a = true\nb = false",
            "a = 2025-01-01\nb = [2024-02-29, 2000-02-29, 1999-12-31]",
            "a = []\nb = [ ]\nc = [1, 2, 3,]\nd = [\n  \"x\", # one\n  \"y\"\n  # two\n  ,\n]\ne = [[1], [\"a\", { x = 1 }]]",
            "a = {}\nb = { x = 1, y = \"z\", z = { w = [1] } }\nc = {x=1,y=2}",
            "[deadlines]\nplan = \"10 working days\"\n[calendar]\noffice_hours = [\"09:00-12:00\"]",
            "[a.b.c]\nx = 1\n[a]\ny = 2\n[a.b]\nz = 3",
            "[ a . \"b\" . 'c' ]\nx = 1",
            "[[x]]\na = 1\n[[x]]\na = 2\n[x.y]\nb = 3\n[[x.z]]\nc = 4",
            "[[a.b]]\nx = 1\n[a]\ny = 2",
            "a.b.c = 1\na.b.d = 2\na.e = 3\n[t]\nx.y = 1\nx.z = 2",
            "\"\" = 1\n\"a.b\" = 2\n'c d' = 3\n\"\\u0041\" = 4",
            "k = 1 # comment with \t tab and é",
            "keys = { k01 = 1, k02 = 2, k03 = 3, k04 = 4, k05 = 5, k06 = 6, k07 = 7, k08 = 8, k09 = 9, k10 = 10, k11 = 11, k12 = 12, k13 = 13, k14 = 14, k15 = 15, k16 = 16, k17 = 17, k18 = 18 }",
        ];
        for text in cases {
            assert!(agrees(text), "not read: {text:?}");
        }
        // A table of many keys (hashed lookups), one repeated at the end.
        let mut text: String = (0..100).map(|i| format!("k{i} = {i}\n")).collect();
        assert!(agrees(&text));
        text.push_str("k50 = 1\n");
        assert!(!agrees(&text));
    }

    #[test]
    fn leaves_the_rest_to_the_toml_crate() {
        // Errors, and TOML beyond the part we read: the toml crate's way decides, with the
        // same result as before.
        let cases = [
            // Errors.
            "a = 1\na = 2",
            "a = 1\na.b = 2",
            "a.b = 1\na = 2",
            "[a]\n[a]",
            "[a]\nb = 1\n[a.b]",
            "[a]\nb.c = 1\n[a.b]",
            "a = {}\n[a]",
            "a = { b = 1 }\n[a.c]",
            "a = [1]\n[[a]]",
            "[[a]]\n[a]",
            "[a]\n[[a]]",
            "[a.b]\nc = 1\n[a]\nb.d = 2",
            "a = { b = 1, b = 2 }",
            "\"\" = 1\n'' = 2",
            "\"\\u0041\" = 1\nA = 2",
            "a = 01",
            "a = 1.",
            "a = .5",
            "a = 1e",
            "a = 9223372036854775808",
            "a = 1e400",
            "a = 2025-02-29",
            "a = 2025-13-01",
            "a = \"\\q\"",
            "a = \"\\uD800\"",
            "a = \"unterminated",
            "a = \"line\nbreak\"",
            "a = \"nul\0\"",
            "a = 1 b = 2",
            "a = 1\rb = 2",
            "# bell \u{7}\na = 1",
            "[a\nb = 1",
            "[[a]\nb = 1",
            "[a]]\nb = 1",
            "a =",
            "= 1",
            "a = [1 2]",
            "a = [,]",
            "a = { b = 1, }",
            "a = { b = 1\n}",
            "a = { b.c = 1 }",
            "a = truex",
            // Valid TOML we leave to the crate.
            "a = \"\"\"\nmulti\nline\"\"\"",
            "a = '''\nmulti'''",
            "a = 0x1F",
            "a = 1_000",
            "a = inf",
            "a = nan",
            "a = 1979-05-27T07:32:00Z",
            "a = 1979-05-27 07:32:00",
            "a = 07:32:00",
            "\u{feff}a = 1",
            "a = \"\\e\"",
            "a = \"\\x41\"",
        ];
        for text in cases {
            assert!(!agrees(text), "read: {text:?}");
        }
        // Nesting past the limit.
        let deep = format!(
            "a = {}{}",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        assert!(!agrees(&deep));
        let deep = format!("a = {}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(agrees(&deep));
        // Paths too: a tree as deep as the text is long is never built (nor dropped).
        let path = vec!["a"; 1000].join(".");
        assert!(!agrees(&format!("[{path}]\nx = 1")));
        assert!(!agrees(&format!("{path} = 1")));
    }

    #[test]
    fn reads_every_vector_policy_as_the_toml_crate_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
        let mut read_here = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let vector: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let mut policies = Vec::new();
            collect_policies(&vector, &mut policies);
            for policy in policies {
                if let Ok(text) = toml::to_string(policy) {
                    read_here += usize::from(agrees(&text));
                }
                if let Ok(policy) = Policy::from_json_value(policy.clone()) {
                    let text = policy.to_toml().unwrap();
                    assert!(agrees(&text), "{text}");
                    assert_eq!(Policy::from_toml_str(&text).unwrap(), policy);
                }
            }
        }
        assert!(read_here > 50, "{read_here} read");
    }

    /// Every valid policy of the conformance vectors, as `to_toml` writes it.
    fn vector_policies_as_toml() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let vector: Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                let mut policies = Vec::new();
                collect_policies(&vector, &mut policies);
                out.extend(
                    policies
                        .into_iter()
                        .filter_map(|p| Policy::from_json_value(p.clone()).ok())
                        .map(|p| p.to_toml().unwrap()),
                );
            }
        }
        assert!(out.len() > 50);
        out
    }

    fn collect_policies<'v>(value: &'v Value, out: &mut Vec<&'v Value>) {
        match value {
            Value::Object(map) => {
                for (key, item) in map {
                    if key == "policy" && item.is_object() {
                        out.push(item);
                    }
                    collect_policies(item, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| collect_policies(item, out)),
            _ => {}
        }
    }

    #[test]
    fn reads_the_fuzz_corpus_as_the_toml_crate_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/policy_toml");
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            if let Ok(text) = std::str::from_utf8(&bytes) {
                agrees(text);
            }
        }
    }

    /// Pieces TOML is made of, hostile ones among them, for generated documents and edits.
    const PIECES: &[&str] = &[
        " ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "#",
        "# c\n",
        "\"",
        "'",
        "[",
        "]",
        "[[",
        "]]",
        "{",
        "}",
        ",",
        "=",
        " = ",
        ".",
        "\\",
        "\\u00e9",
        "\\U0001F600",
        "\\uD800",
        "\\x41",
        "\\e",
        "\\n",
        "\u{feff}",
        "0",
        "1",
        "-",
        "+",
        "_",
        "e",
        "E",
        "2025-01-01",
        "2024-02-30",
        "T",
        ":",
        "inf",
        "nan",
        "true",
        "false",
        "a",
        "b",
        "é",
        "词",
        "\u{7f}",
        "\u{0}",
        "\u{1}",
        "\"\"\"",
        "'''",
        "\"x\"",
        "'y'",
        "a.b",
        "1.5",
        "-0",
        "01",
        "0x10",
        "1e5",
        "9223372036854775807",
        "9223372036854775808",
        "[a]\n",
        "[[a]]\n",
        "a = 1\n",
    ];

    /// A value written in TOML, nested at most `depth` deep.
    fn value_text(depth: u32) -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            any::<i64>().prop_map(|n| n.to_string()),
            any::<f64>().prop_map(|x| format!("{x:?}")),
            any::<bool>().prop_map(|b| b.to_string()),
            (1990_u32..2030, 1_u32..13, 1_u32..32)
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            "[a-zé词 \\\\\"'\t]{0,8}".prop_map(|s| format!("{s:?}")),
            "[a-z\"\\\\ ]{0,6}".prop_map(|s| format!("'{s}'")),
            "[a-zé\\\\\"]{0,6}".prop_map(|s| format!("\"{s}\"")),
            prop::sample::select(PIECES).prop_map(str::to_owned),
        ];
        leaf.prop_recursive(depth, 24, 4, |inner| {
            prop_oneof![
                (
                    prop::collection::vec(inner.clone(), 0..4),
                    any::<bool>(),
                    "[ \n]{0,2}"
                )
                    .prop_map(|(items, trailing, space)| {
                        let comma = if trailing && !items.is_empty() {
                            ","
                        } else {
                            ""
                        };
                        format!(
                            "[{space}{}{comma}{space}]",
                            items.join(&format!(",{space}"))
                        )
                    }),
                prop::collection::vec((key_text(), inner), 0..4).prop_map(|entries| {
                    let entries: Vec<String> = entries
                        .into_iter()
                        .map(|(k, v)| format!("{k} = {v}"))
                        .collect();
                    format!("{{ {} }}", entries.join(", "))
                }),
            ]
        })
    }

    /// A key, or a dotted key, from few names (so that they collide).
    fn key_text() -> impl Strategy<Value = String> {
        let name = prop::sample::select(
            &[
                "a", "b", "c", "\"a\"", "'b'", "\"a.b\"", "\"\"", "name", "1",
            ][..],
        );
        prop::collection::vec(name, 1..4).prop_map(|names| names.join("."))
    }

    /// A document: lines of headers, keys, comments and blanks.
    fn document() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            key_text().prop_map(|k| format!("[{k}]")),
            key_text().prop_map(|k| format!("[[{k}]]")),
            (key_text(), value_text(3)).prop_map(|(k, v)| format!("{k} = {v}")),
            (key_text(), value_text(3)).prop_map(|(k, v)| format!("{k}={v} # note")),
            Just(String::new()),
            Just("# comment".to_owned()),
        ];
        (prop::collection::vec(line, 0..12), any::<bool>())
            .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
    }

    /// `text` with a few pieces inserted, and ranges removed, at character boundaries.
    fn edited(text: String) -> impl Strategy<Value = String> {
        let edits = prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                prop::sample::select(PIECES),
                0_usize..4,
            ),
            0..4,
        );
        edits.prop_map(move |edits| {
            let mut text = text.clone();
            for (at, piece, remove) in edits {
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                let start = bounds[at.index(bounds.len())];
                let end = bounds
                    .iter()
                    .copied()
                    .filter(|&i| i >= start)
                    .nth(remove)
                    .unwrap_or(start);
                text.replace_range(start..end, piece);
            }
            text
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn generated_documents_read_as_the_toml_crate_reads_them(text in document().prop_flat_map(edited)) {
            agrees(&text);
        }

        #[test]
        fn edited_policies_read_as_the_toml_crate_reads_them(
            text in prop::sample::select(vector_policies_as_toml()).prop_flat_map(edited)
        ) {
            agrees(&text);
        }
    }
}
