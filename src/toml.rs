//! TOML 1.0 (with the relaxations of TOML 1.1 that the `toml` crate reads too: seconds may be left
//! out of times, `\e` and `\xHH` escapes, inline tables over several lines), read straight into
//! JSON values.
//!
//! Policies and cases are written in TOML by people and arrive as JSON from systems; both end up as
//! a [`serde_json::Value`] that one deserializer turns into the document types. This reader covers
//! the whole of TOML 1.0 (every string form and escape, integers in four bases, floats, dates and
//! times, dotted keys, tables, arrays of tables, inline tables, and the rules about defining a table
//! only once) in one small module, where a general TOML library was an eighth of the WebAssembly
//! module. Its test compares it with the `toml` crate on every TOML file of the project, on generated
//! documents and on thousands of broken ones.
//!
//! Differences from a general TOML library, by design:
//! - dates and times become strings as written (`2024-01-01`), which is how the documents spell
//!   dates in JSON;
//! - `inf` and `nan` are refused: no amount or weight can be infinite;
//! - a float is read by the number parser that reads JSON floats (serde_json's): exact when its
//!   digits as written are at most 15 and the power of ten they are scaled by is within 10^±22
//!   (every weight anyone writes: `33.5`, `12.125`), otherwise within one unit in the last place,
//!   like a JSON float;
//! - values, keys and tables nest at most [`MAX_DEPTH`] deep, so hostile input cannot exhaust the
//!   stack.

use std::collections::btree_map::{BTreeMap, Entry};

use serde_json::{Map, Value};

/// How deep arrays, inline tables and dotted keys may nest.
pub(crate) const MAX_DEPTH: usize = 64;

/// A syntax error: where (a byte offset into the text) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Error {
    /// Byte offset of the offending text.
    pub(crate) at: usize,
    /// What is wrong, in words.
    pub(crate) message: String,
}

type Result<T> = std::result::Result<T, Error>;

/// Reads a TOML document into a JSON object.
pub(crate) fn parse(text: &str) -> Result<Map<String, Value>> {
    let mut p = Parser { text, b: text.as_bytes(), pos: 0 };
    let mut root = Table::new(Kind::Header);
    let mut current: Vec<String> = Vec::new();
    loop {
        p.ws();
        match p.peek() {
            None => break,
            Some(b'#') => p.comment()?,
            Some(b'\n' | b'\r') => p.newline()?,
            Some(b'[') => current = p.header(&mut root)?,
            Some(_) => {
                let at = p.pos;
                let Some(table) = walk(&mut root, &current) else {
                    return Err(Error { at, message: "internal: the current table was lost".into() });
                };
                p.keyval(table)?;
                p.line_end()?;
            }
        }
    }
    Ok(into_map(root))
}

/// How a table came to be, which decides whether it may be defined or extended later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Named on the way to a header's table (`a` of `[a.b]`): a header may still define it.
    Implicit,
    /// Defined by a header (`[a]`, `[[a]]`).
    Header,
    /// Created by a dotted key (`a.b = 1`): more dotted keys may extend it, no header may define it.
    Dotted,
}

#[derive(Debug)]
struct Table {
    kind: Kind,
    entries: BTreeMap<String, Node>,
}

impl Table {
    fn new(kind: Kind) -> Table {
        Table { kind, entries: BTreeMap::new() }
    }
}

/// A table's entry while the document is read. Values (including inline tables and arrays
/// written as values) are final and never extended.
#[derive(Debug)]
enum Node {
    Value(Value),
    Table(Table),
    /// An array of tables (`[[a]]`); never empty.
    Tables(Vec<Table>),
}

fn into_map(table: Table) -> Map<String, Value> {
    // Inserted one by one: collecting would compile a sort and a bulk build for the map.
    let mut map = Map::new();
    for (k, node) in table.entries {
        map.insert(k, into_value(node));
    }
    map
}

fn into_value(node: Node) -> Value {
    match node {
        Node::Value(v) => v,
        Node::Table(t) => Value::Object(into_map(t)),
        Node::Tables(ts) => Value::Array(ts.into_iter().map(|t| Value::Object(into_map(t))).collect()),
    }
}

/// The table a header named (the last element of an array of tables).
fn walk<'t>(root: &'t mut Table, path: &[String]) -> Option<&'t mut Table> {
    let mut table = root;
    for key in path {
        table = match table.entries.get_mut(key)? {
            Node::Table(t) => t,
            Node::Tables(ts) => ts.last_mut()?,
            Node::Value(_) => return None,
        };
    }
    Some(table)
}

/// A dotted key as written, with the offset of each part.
type Key = Vec<(String, usize)>;

fn dotted(key: &[(String, usize)]) -> String {
    let parts: Vec<&str> = key.iter().map(|(k, _)| k.as_str()).collect();
    parts.join(".")
}

/// Puts `value` at the dotted `key` of `table`.
fn insert(mut table: &mut Table, key: &[(String, usize)], value: Value) -> Result<()> {
    let Some(((last, last_at), parents)) = key.split_last() else {
        return Err(Error { at: 0, message: "expected a key".into() });
    };
    for (i, (part, at)) in parents.iter().enumerate() {
        let node = table.entries.entry(part.clone()).or_insert_with(|| Node::Table(Table::new(Kind::Dotted)));
        table = match node {
            Node::Table(t) if t.kind == Kind::Dotted => t,
            _ => {
                let message = format!("cannot add keys to `{}`: it is defined elsewhere", dotted(&key[..=i]));
                return Err(Error { at: *at, message });
            }
        };
    }
    match table.entries.entry(last.clone()) {
        Entry::Vacant(e) => {
            e.insert(Node::Value(value));
            Ok(())
        }
        Entry::Occupied(_) => Err(Error { at: *last_at, message: format!("duplicate key `{}`", dotted(key)) }),
    }
}

fn is_bare(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

/// A control character, which TOML allows nowhere but as a tab (and in multi-line strings as a
/// line break).
fn is_control(c: u8) -> bool {
    (c < 0x20 && c != b'\t') || c == 0x7f
}

struct Parser<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.b.get(self.pos + n).copied()
    }

    fn starts_with(&self, s: &str) -> bool {
        self.b.get(self.pos..).is_some_and(|rest| rest.starts_with(s.as_bytes()))
    }

    fn fail<T>(&self, at: usize, message: &str) -> Result<T> {
        Err(Error { at, message: message.into() })
    }

    fn slice(&self, from: usize, to: usize) -> &str {
        self.text.get(from..to).unwrap_or_default()
    }

    /// Spaces and tabs.
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A comment, up to (not including) the end of its line.
    fn comment(&mut self) -> Result<()> {
        self.pos += 1;
        while let Some(c) = self.peek() {
            if c == b'\n' || (c == b'\r' && self.peek_at(1) == Some(b'\n')) {
                break;
            }
            if is_control(c) {
                return self.fail(self.pos, "control character in a comment");
            }
            self.pos += 1;
        }
        Ok(())
    }

    /// One line break (LF or CRLF).
    fn newline(&mut self) -> Result<()> {
        match (self.peek(), self.peek_at(1)) {
            (Some(b'\n'), _) => self.pos += 1,
            (Some(b'\r'), Some(b'\n')) => self.pos += 2,
            _ => return self.fail(self.pos, "a carriage return must be followed by a line feed"),
        }
        Ok(())
    }

    /// The rest of a line after a key/value pair or a header: blanks, a comment, the line break.
    fn line_end(&mut self) -> Result<()> {
        self.ws();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Ok(()),
            Some(b'\n' | b'\r') => self.newline(),
            Some(_) => self.fail(self.pos, "expected the end of the line"),
        }
    }

    /// Blanks, comments and line breaks (inside arrays).
    fn blank(&mut self) -> Result<()> {
        loop {
            self.ws();
            match self.peek() {
                Some(b'#') => self.comment()?,
                Some(b'\n' | b'\r') => self.newline()?,
                _ => return Ok(()),
            }
        }
    }

    /// A key, dotted or not, with blanks around its parts.
    fn key(&mut self) -> Result<Key> {
        let mut parts = Vec::new();
        loop {
            self.ws();
            let at = self.pos;
            let part = match self.peek() {
                Some(b'"') if self.starts_with("\"\"\"") => {
                    return self.fail(at, "a key cannot be a multi-line string")
                }
                Some(b'\'') if self.starts_with("'''") => return self.fail(at, "a key cannot be a multi-line string"),
                Some(b'"') => self.basic_string()?,
                Some(b'\'') => self.literal_string()?,
                Some(c) if is_bare(c) => {
                    while self.peek().is_some_and(is_bare) {
                        self.pos += 1;
                    }
                    self.slice(at, self.pos).to_string()
                }
                _ => return self.fail(at, "expected a key"),
            };
            parts.push((part, at));
            if parts.len() > MAX_DEPTH {
                return self.fail(at, "keys nest too deep");
            }
            self.ws();
            if self.peek() != Some(b'.') {
                return Ok(parts);
            }
            self.pos += 1;
        }
    }

    /// `[a.b]` or `[[a.b]]`; returns the path of the table that follows.
    fn header(&mut self, root: &mut Table) -> Result<Vec<String>> {
        self.pos += 1;
        let array = self.peek() == Some(b'[');
        if array {
            self.pos += 1;
        }
        let key = self.key()?;
        let close = if array { "]]" } else { "]" };
        if !self.starts_with(close) {
            return self.fail(self.pos, if array { "expected `]]`" } else { "expected `]`" });
        }
        self.pos += close.len();
        self.line_end()?;
        let mut table = root;
        let Some(((last, last_at), parents)) = key.split_last() else {
            return self.fail(self.pos, "expected a key");
        };
        for (i, (part, at)) in parents.iter().enumerate() {
            let node = table.entries.entry(part.clone()).or_insert_with(|| Node::Table(Table::new(Kind::Implicit)));
            table = match node {
                Node::Table(t) => t,
                Node::Tables(ts) => match ts.last_mut() {
                    Some(t) => t,
                    None => return self.fail(*at, "internal: empty array of tables"),
                },
                Node::Value(_) => {
                    let message = format!("`{}` is a value, not a table", dotted(&key[..=i]));
                    return Err(Error { at: *at, message });
                }
            };
        }
        let name = dotted(&key);
        match (table.entries.entry(last.clone()), array) {
            (Entry::Vacant(e), false) => {
                e.insert(Node::Table(Table::new(Kind::Header)));
            }
            (Entry::Vacant(e), true) => {
                e.insert(Node::Tables(vec![Table::new(Kind::Header)]));
            }
            (Entry::Occupied(mut e), false) => match e.get_mut() {
                Node::Table(t) if t.kind == Kind::Implicit => t.kind = Kind::Header,
                _ => return Err(Error { at: *last_at, message: format!("table `{name}` is defined twice") }),
            },
            (Entry::Occupied(mut e), true) => match e.get_mut() {
                Node::Tables(ts) => ts.push(Table::new(Kind::Header)),
                _ => {
                    let message = format!("`{name}` is already defined, and not as an array of tables");
                    return Err(Error { at: *last_at, message });
                }
            },
        }
        Ok(key.into_iter().map(|(k, _)| k).collect())
    }

    /// `key = value`, into `table`.
    fn keyval(&mut self, table: &mut Table) -> Result<()> {
        let key = self.key()?;
        if self.peek() != Some(b'=') {
            return self.fail(self.pos, "expected `=` after a key");
        }
        self.pos += 1;
        self.ws();
        let value = self.value(0)?;
        insert(table, &key, value)
    }

    fn value(&mut self, depth: usize) -> Result<Value> {
        if depth > MAX_DEPTH {
            return self.fail(self.pos, "values nest too deep");
        }
        match self.peek() {
            Some(b'"') if self.starts_with("\"\"\"") => self.multiline_string(b'"').map(Value::String),
            Some(b'"') => self.basic_string().map(Value::String),
            Some(b'\'') if self.starts_with("'''") => self.multiline_string(b'\'').map(Value::String),
            Some(b'\'') => self.literal_string().map(Value::String),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.inline_table(depth),
            Some(b't') if self.starts_with("true") => {
                self.pos += 4;
                Ok(Value::Bool(true))
            }
            Some(b'f') if self.starts_with("false") => {
                self.pos += 5;
                Ok(Value::Bool(false))
            }
            Some(c) if c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'i' | b'n') => self.number_or_date(),
            _ => self.fail(self.pos, "expected a value"),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.blank()?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(Value::Array(items));
            }
            items.push(self.value(depth + 1)?);
            self.blank()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return self.fail(self.pos, "expected `,` or `]` in an array"),
            }
        }
    }

    /// `{ k = v, ... }`; as in TOML 1.1 (and the `toml` crate), entries may span lines and end with a
    /// comma.
    fn inline_table(&mut self, depth: usize) -> Result<Value> {
        self.pos += 1;
        let mut table = Table::new(Kind::Dotted);
        loop {
            self.blank()?;
            if self.peek() == Some(b'}') {
                self.pos += 1;
                return Ok(Value::Object(into_map(table)));
            }
            let key = self.key()?;
            self.blank()?;
            if self.peek() != Some(b'=') {
                return self.fail(self.pos, "expected `=` after a key");
            }
            self.pos += 1;
            self.blank()?;
            let value = self.value(depth + 1)?;
            insert(&mut table, &key, value)?;
            self.blank()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(into_map(table)));
                }
                _ => return self.fail(self.pos, "expected `,` or `}` in an inline table"),
            }
        }
    }

    /// `"..."`, with escapes.
    fn basic_string(&mut self) -> Result<String> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while self.peek().is_some_and(|c| c != b'"' && c != b'\\' && !is_control(c)) {
                self.pos += 1;
            }
            out.push_str(self.slice(start, self.pos));
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.escape(&mut out)?,
                None | Some(b'\n' | b'\r') => return self.fail(open, "the string is not closed on its line"),
                Some(_) => return self.fail(self.pos, "control character in a string"),
            }
        }
    }

    /// `"""..."""` (with escapes and line-ending backslashes) or `'''...'''` (as written).
    fn multiline_string(&mut self, quote: u8) -> Result<String> {
        let open = self.pos;
        self.pos += 3;
        self.skip_first_newline();
        let basic = quote == b'"';
        let mut out = String::new();
        loop {
            let start = self.pos;
            while self.peek().is_some_and(|c| c != quote && !(basic && c == b'\\') && (!is_control(c) || c == b'\n')) {
                self.pos += 1;
            }
            out.push_str(self.slice(start, self.pos));
            match self.peek() {
                Some(c) if c == quote => {
                    if self.closing(quote, &mut out)? {
                        return Ok(out);
                    }
                }
                Some(b'\\') => {
                    // A backslash at the end of a line swallows the line break and the blanks after it.
                    let mut ahead = self.pos + 1;
                    while matches!(self.b.get(ahead), Some(b' ' | b'\t')) {
                        ahead += 1;
                    }
                    if matches!(self.b.get(ahead), Some(b'\n')) || self.b.get(ahead..ahead + 2) == Some(b"\r\n") {
                        self.pos = ahead;
                        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n'))
                            || (self.peek() == Some(b'\r') && self.peek_at(1) == Some(b'\n'))
                        {
                            self.pos += 1;
                        }
                    } else {
                        self.escape(&mut out)?;
                    }
                }
                Some(b'\r') if self.peek_at(1) == Some(b'\n') => {
                    out.push_str("\r\n");
                    self.pos += 2;
                }
                None => return self.fail(open, "the string is not closed"),
                Some(_) => return self.fail(self.pos, "control character in a string"),
            }
        }
    }

    /// `'...'`, as written.
    fn literal_string(&mut self) -> Result<String> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        while self.peek().is_some_and(|c| c != b'\'' && !is_control(c)) {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'\'') => {
                self.pos += 1;
                Ok(self.slice(start, self.pos - 1).to_string())
            }
            None | Some(b'\n' | b'\r') => self.fail(open, "the string is not closed on its line"),
            Some(_) => self.fail(self.pos, "control character in a string"),
        }
    }

    /// A newline right after the opening quotes of a multi-line string is not part of it.
    fn skip_first_newline(&mut self) {
        if self.peek() == Some(b'\n') {
            self.pos += 1;
        } else if self.starts_with("\r\n") {
            self.pos += 2;
        }
    }

    /// A run of quotes inside a multi-line string: three close it (up to two more belong to the
    /// string); fewer are text. Returns whether the string is closed.
    fn closing(&mut self, quote: u8, out: &mut String) -> Result<bool> {
        let mut n = 0;
        while self.peek() == Some(quote) {
            n += 1;
            self.pos += 1;
        }
        let text = if quote == b'"' { "\"" } else { "'" };
        if n < 3 {
            out.push_str(&text.repeat(n));
            return Ok(false);
        }
        if n > 5 {
            return self.fail(self.pos - n + 5, "too many quotes at the end of a multi-line string");
        }
        out.push_str(&text.repeat(n - 3));
        Ok(true)
    }

    /// An escape sequence (at the backslash) of a basic string.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let at = self.pos;
        let c = self.peek_at(1);
        self.pos += 2;
        let ch = match c {
            Some(b'b') => '\u{8}',
            Some(b't') => '\t',
            Some(b'n') => '\n',
            Some(b'f') => '\u{c}',
            Some(b'r') => '\r',
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'e') => '\u{1b}',
            Some(b'x' | b'u' | b'U') => {
                let len = match c {
                    Some(b'x') => 2,
                    Some(b'u') => 4,
                    _ => 8,
                };
                let hex = self.b.get(self.pos..self.pos + len).unwrap_or_default();
                let code = (hex.len() == len && hex.iter().all(u8::is_ascii_hexdigit))
                    .then(|| u32::from_str_radix(self.slice(self.pos, self.pos + len), 16).ok())
                    .flatten();
                self.pos += len;
                match code.and_then(char::from_u32) {
                    Some(ch) => ch,
                    None => return self.fail(at, "the escape is not a Unicode scalar value"),
                }
            }
            _ => return self.fail(at, "unknown escape sequence"),
        };
        out.push(ch);
        Ok(())
    }

    /// An integer, a float, or a date and time.
    fn number_or_date(&mut self) -> Result<Value> {
        let at = self.pos;
        let token = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'+' | b'-' | b'.' | b':');
        while self.peek().is_some_and(token) {
            self.pos += 1;
        }
        // A date and a time may be separated by a space.
        let digit = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_digit());
        if self.pos - at == 10
            && self.b.get(at + 4) == Some(&b'-')
            && self.peek() == Some(b' ')
            && digit(self.peek_at(1))
            && digit(self.peek_at(2))
            && self.peek_at(3) == Some(b':')
        {
            self.pos += 1;
            while self.peek().is_some_and(token) {
                self.pos += 1;
            }
        }
        let text = self.slice(at, self.pos);
        let bytes = text.as_bytes();
        let result = if bytes.len() >= 10 && bytes.get(4) == Some(&b'-') && bytes[..4].iter().all(u8::is_ascii_digit) {
            datetime(text).map(|()| Value::String(text.to_string()))
        } else if bytes.len() >= 5 && bytes.get(2) == Some(&b':') {
            time(text, false).map(|()| Value::String(text.to_string()))
        } else {
            number(text)
        };
        result.map_err(|message| Error { at, message: format!("{message}: `{text}`") })
    }
}

/// Digits of a number in `radix`, with single underscores between digits.
fn digits(s: &str, radix: u32) -> bool {
    let b = s.as_bytes();
    let digit = |c: &u8| char::from(*c).is_digit(radix);
    b.first().is_some_and(digit)
        && b.last().is_some_and(digit)
        && b.iter().all(|c| digit(c) || *c == b'_')
        && !s.contains("__")
}

fn number(text: &str) -> std::result::Result<Value, &'static str> {
    let (signed, body) = match text.as_bytes().first() {
        Some(b'+' | b'-') => (true, text.get(1..).unwrap_or_default()),
        _ => (false, text),
    };
    if body == "inf" || body == "nan" {
        return Err("infinity and not-a-number are not accepted");
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = body.strip_prefix(prefix) {
            if signed || !digits(rest, radix) {
                return Err("not a valid integer");
            }
            return i64::from_str_radix(&rest.replace('_', ""), radix)
                .map(Value::from)
                .map_err(|_| "the integer does not fit in 64 bits");
        }
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (mantissa, None),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e), 10));
    if !digits(int, 10)
        || (int.len() > 1 && int.starts_with('0'))
        || !frac.is_none_or(|f| digits(f, 10))
        || !exponent_ok
    {
        return Err("not a valid number");
    }
    let clean = text.replace('_', "");
    if frac.is_none() && exponent.is_none() {
        return clean.parse::<i64>().map(Value::from).map_err(|_| "the integer does not fit in 64 bits");
    }
    // A float is read by serde_json's number parser, the one that reads JSON floats: a weight
    // reads the same from TOML and from JSON (and the module holds one float parser, not two).
    match clean.strip_prefix('+').unwrap_or(&clean).parse::<serde_json::Number>() {
        Ok(n) if n.as_f64().is_some_and(f64::is_finite) => Ok(Value::Number(n)),
        _ => Err("the number is too large"),
    }
}

/// Two digits at `i` of `b`, as a number.
fn two(b: &[u8], i: usize) -> Option<u32> {
    match b.get(i..i + 2) {
        Some([x, y]) if x.is_ascii_digit() && y.is_ascii_digit() => {
            Some(u32::from(x - b'0') * 10 + u32::from(y - b'0'))
        }
        _ => None,
    }
}

/// A date, a local date-time, or an offset date-time.
fn datetime(text: &str) -> std::result::Result<(), &'static str> {
    let b = text.as_bytes();
    let bad = "not a valid date";
    let (Some(century), Some(year), Some(month), Some(day)) = (two(b, 0), two(b, 2), two(b, 5), two(b, 8)) else {
        return Err(bad);
    };
    if b.get(7) != Some(&b'-') {
        return Err(bad);
    }
    let year = century * 100 + year;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad),
    };
    if day == 0 || day > days {
        return Err(bad);
    }
    match b.get(10) {
        None => Ok(()),
        Some(b'T' | b't' | b' ') => time(text.get(11..).unwrap_or_default(), true),
        Some(_) => Err(bad),
    }
}

/// A time `HH:MM[:SS[.fraction]]` (seconds optional as in TOML 1.1), with an offset (`Z`,
/// `+01:00`) where `offset` allows one.
fn time(text: &str, offset: bool) -> std::result::Result<(), &'static str> {
    let b = text.as_bytes();
    let bad = "not a valid time";
    let (Some(h), Some(m)) = (two(b, 0), two(b, 3)) else { return Err(bad) };
    if b.get(2) != Some(&b':') || h > 23 || m > 59 {
        return Err(bad);
    }
    let mut i = 5;
    if b.get(i) == Some(&b':') {
        match two(b, 6) {
            Some(s) if s <= 60 => i = 8,
            _ => return Err(bad),
        }
    }
    if i == 8 && b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err(bad);
        }
    }
    match (b.get(i), offset) {
        (None, _) => Ok(()),
        (Some(b'Z' | b'z'), true) if i + 1 == b.len() => Ok(()),
        (Some(b'+' | b'-'), true) => match (two(b, i + 1), b.get(i + 3), two(b, i + 4)) {
            (Some(oh), Some(b':'), Some(om)) if oh <= 23 && om <= 59 && i + 6 == b.len() => Ok(()),
            _ => Err(bad),
        },
        _ => Err(bad),
    }
}

#[cfg(test)]
mod tests {
    //! Compared with the `toml` crate (a dev-dependency): the same values for every TOML file of the
    //! project and for generated documents of every syntax, and the same verdict (accepted or refused)
    //! for thousands of broken variants of them.
    use super::*;

    /// What the `toml` crate reads, as JSON (dates and times as their text); `None` when it refuses
    /// the text, `Some(None)` when it holds something this reader refuses by design (`inf`, `nan`).
    fn reference(text: &str) -> Option<Option<Value>> {
        fn convert(v: toml::Value) -> Option<Value> {
            Some(match v {
                toml::Value::String(s) => Value::String(s),
                toml::Value::Integer(i) => Value::from(i),
                toml::Value::Float(f) if f.is_finite() => Value::from(f),
                toml::Value::Float(_) => return None,
                toml::Value::Boolean(b) => Value::Bool(b),
                toml::Value::Datetime(d) => Value::String(d.to_string()),
                toml::Value::Array(items) => Value::Array(items.into_iter().map(convert).collect::<Option<_>>()?),
                toml::Value::Table(t) => {
                    Value::Object(t.into_iter().map(|(k, v)| Some((k, convert(v)?))).collect::<Option<_>>()?)
                }
            })
        }
        toml::from_str::<toml::Table>(text).ok().map(|t| convert(toml::Value::Table(t)))
    }

    /// Dates and times as the `toml` crate prints them (`07:32` as `07:32:00`); this reader keeps
    /// them as written. Floats beyond 15 digits or 10^±22 as the reference reads them when within
    /// one unit in the last place (see the module's notes).
    fn canonical_times(v: Value, expected: &Value) -> Value {
        if let (Value::Number(a), Value::Number(b)) = (&v, expected) {
            if let (Some(x), Some(y)) = (a.as_f64(), b.as_f64()) {
                if a.is_f64() && (x - y).abs() <= y.abs() * f64::EPSILON {
                    return expected.clone();
                }
            }
        }
        match v {
            Value::String(s) => match s.parse::<toml::value::Datetime>() {
                Ok(d) => Value::String(d.to_string()),
                Err(_) => Value::String(s),
            },
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| canonical_times(v, expected.get(i).unwrap_or(&Value::Null)))
                    .collect(),
            ),
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| {
                        let e = expected.get(&k).unwrap_or(&Value::Null).clone();
                        (k, canonical_times(v, &e))
                    })
                    .collect(),
            ),
            other => other,
        }
    }

    /// Checks one text against the reference; returns whether it was accepted.
    fn agrees(text: &str) -> bool {
        let ours = parse(text);
        match reference(text) {
            Some(Some(expected)) => {
                let ours = ours.unwrap_or_else(|e| panic!("refused ({e:?}) what toml accepts:\n{text}"));
                assert_eq!(canonical_times(Value::Object(ours), &expected), expected, "{text}");
                true
            }
            Some(None) => {
                assert!(ours.is_err(), "accepted inf or nan:\n{text}");
                false
            }
            None => {
                assert!(ours.is_err(), "accepted what toml refuses:\n{text}\n{ours:?}");
                false
            }
        }
    }

    fn project_files() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["examples", "tests/cases", "tests/cases/policies"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "toml") {
                    files.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    }

    /// A small deterministic random source.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    const KEYS: &[&str] =
        &["a", "b", "id", "from", "to", "x_1", "bare-key", "3", "\"quoted key\"", "'lit.eral'", "\"\"", "\"é\""];
    const SCALARS: &[&str] = &[
        "1",
        "-17",
        "+42",
        "1_000_000",
        "0",
        "-0",
        "0xDEAD_beef",
        "0o755",
        "0b1101",
        "9223372036854775807",
        "1.5",
        "-0.25e3",
        "1e10",
        "6.02_2e+23",
        "5E-2",
        "-0.0",
        "3.1415",
        "true",
        "false",
        "\"plain\"",
        "\"tab\\there \\\"q\\\" \\\\ \\u00e9 \\U0001F600\"",
        "'C:\\path\\'",
        "''",
        "\"\"",
        "\"\"\"\nline one\nline \"two\" \"\"\n\"\"\"",
        "\"\"\"a \\\n    b\"\"\"",
        "\"\"\"ends with quotes\"\"\"\"\"",
        "'''\nraw 'text' \\n\n'''",
        "'''two''''",
        "2024-02-29",
        "1979-05-27T07:32:00Z",
        "1979-05-27T00:32:00.999999-07:00",
        "1979-05-27T07:32:00",
        "07:32:00",
        "00:32:00.5",
        "\"2024-01-01\"",
        "\"3400.50\"",
        "\"\\e\\x41\"",
        "1979-05-27 07:32",
    ];

    fn value(rng: &mut Rng, depth: usize) -> String {
        match (rng.below(10), depth) {
            (0, d) if d < 3 => {
                let n = rng.below(4);
                let items: Vec<String> = (0..n).map(|_| value(rng, d + 1)).collect();
                let sep = rng.pick(&[", ", ",\n  ", " , # note\n "]);
                let trail = if n > 0 { rng.pick(&["", ",", ",\n"]) } else { "" };
                format!("[{}{}]", items.join(sep), trail)
            }
            (1, d) if d < 3 => {
                let n = rng.below(3);
                let items: Vec<String> = (0..n)
                    .map(|i| {
                        let key = match rng.below(3) {
                            0 => format!("k{i}"),
                            1 => format!("k.sub{i}"),
                            _ => format!("\"q k{i}\""),
                        };
                        format!("{key} = {}", value(rng, d + 1))
                    })
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            _ => rng.pick(SCALARS).to_string(),
        }
    }

    /// A document using every construct of TOML, different for every seed.
    fn document(seed: u64) -> String {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut out = String::new();
        let pairs = |rng: &mut Rng, out: &mut String, prefix: &str| {
            let n = 1 + rng.below(4);
            let mut keys: Vec<&str> = KEYS.to_vec();
            for _ in 0..n {
                let key = keys.remove(rng.below(keys.len()));
                let key = match rng.below(4) {
                    0 => format!("{prefix}{key}.inner"),
                    1 => format!("{prefix}{key} . \"deep er\""),
                    _ => format!("{prefix}{key}"),
                };
                let comment = rng.pick(&["", " # comment", "\t#"]);
                out.push_str(&format!("{key} = {}{comment}\n", value(rng, 0)));
            }
        };
        pairs(&mut rng, &mut out, "");
        for t in 0..rng.below(4) {
            match rng.below(3) {
                0 => out.push_str(&format!("\n[table{t}]\n")),
                1 => out.push_str("\n[[list]]  # item\n"),
                _ => out.push_str(&format!("[ parent . \"child {t}\" ]\n")),
            }
            pairs(&mut rng, &mut out, "");
            if rng.below(3) == 0 {
                out.push_str(&format!("[table{t}.under]\n"));
                pairs(&mut rng, &mut out, "");
            }
        }
        if rng.below(4) == 0 {
            out = out.replace('\n', "\r\n");
        }
        out
    }

    #[test]
    fn reads_every_project_file_as_toml_does() {
        let files = project_files();
        assert!(files.len() > 100, "{}", files.len());
        for (name, text) in &files {
            assert!(agrees(text), "{name}");
        }
    }

    #[test]
    fn reads_generated_documents_as_toml_does() {
        let accepted = (0..3000).filter(|&seed| agrees(&document(seed))).count();
        assert!(accepted > 2500, "{accepted}");
    }

    #[test]
    fn refuses_what_toml_refuses() {
        let inserts = [
            "=", "[", "]", "\"", "'", ".", ",", "\n", "#", "{", "}", " ", "\\", "_", "0", "\t", "\r", "e", ":", "-",
            "\u{7f}",
        ];
        let mut texts: Vec<String> = (0..200).map(document).collect();
        texts.extend(project_files().into_iter().take(12).map(|(_, t)| t));
        let (mut checked, mut refused) = (0, 0);
        for text in &texts {
            let mut rng = Rng(text.len() as u64 + 7);
            let positions: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for _ in 0..60 {
                let at = positions[rng.below(positions.len())];
                let next = positions.iter().copied().find(|&p| p > at).unwrap_or(at);
                let insert = rng.pick(&inserts);
                // A whole line repeated elsewhere: tables and keys defined twice, or extended from
                // another table.
                let lines: Vec<&str> = text.split_inclusive('\n').collect();
                let (line, to) = (lines[rng.below(lines.len())], rng.below(lines.len() + 1));
                let moved = [&lines[..to], &[line], &lines[to..]].concat().concat();
                for variant in [
                    text[..at].to_string(),
                    format!("{}{}", &text[..at], &text[next..]),
                    format!("{}{insert}{}", &text[..at], &text[at..]),
                    moved,
                ] {
                    checked += 1;
                    refused += usize::from(!agrees(&variant));
                }
            }
        }
        assert!(refused > checked / 4 && refused < checked * 3 / 4, "{refused} of {checked}");
    }

    #[test]
    fn edge_cases_as_toml_does() {
        let cases = [
            "[a.b.c]\n[a]\nb.x = 1\n",
            "a.b = 1\n[a]\n",
            "a.b = 1\n[a.c]\n",
            "[a]\nb.c = 1\n[a.b.d]\n",
            "[a]\nb.c = 1\n[a.b]\n",
            "[[a]]\n[a.b]\n[[a]]\n[a.b]\n",
            "a = [1]\n[[a]]\n",
            "[a]\n[[a]]\n",
            "[[a]]\n[a]\n",
            "a = {b = 1}\n[a.c]\n",
            "a = {b = 1}\na.c = 2\n",
            "[a.b.c]\nz = 9\n[a]\nb.c.t = 9\n",
            "[a]\nb = 1\n[a.b]\n",
            "[a.b]\n[a]\n[a.b]\n",
            "x = \"\"\"\\\n  \"\"\"\n",
            "x = '''\n'''",
            "x = \"\\u00\"",
            "x = \"\\uD800\"",
            "x = 1979-05-27T07:32:00+25:00",
            "x = 1979-05-27T24:00:00",
            "x = 1__0",
            "x = 01",
            "x = 0x",
            "x = 1.e5",
            "x = +0x10",
            "x = -nan",
            "x = 2000-02-29",
            "x = 1900-02-29",
            "x = 1e400",
            "x = 9223372036854775808",
            "x = -9223372036854775808",
            "'a'.'b' = 1",
            "a . b = 1\na.c = 2",
            "x = [ ]",
            "x = [,]",
            "x = { a = 1, a = 2 }",
            "x = { a.b = 1, a.c = 2 }",
            "x = { a.b = 1, a = 2 }",
            "x = { , }",
            "\"\"\"a\"\"\" = 1",
            "x = 1 # \u{7f}",
            "a = 1\r\nb = 2\r\n",
            "a = 1\rb = 2",
            "x = \"\"\"\"\"\"\"",
            "x = '''''''''",
            "[ a ]\n[[ b ]]\n[[b]]",
            "[a]]\n",
            "[[a]\n",
            "x = true1",
            "x = 07:32",
            "x = 07:32:60",
            "x = 1979-05-27T07:32Z",
        ];
        for text in cases {
            agrees(text);
        }
    }

    #[test]
    fn floats_are_exact_within_15_digits() {
        // The promise of the module's notes, against the standard library's correctly rounded parse.
        let mut rng = Rng(99);
        for _ in 0..20_000 {
            let digits = 1 + rng.below(15) as u32;
            let mantissa = rng.next() % 10u64.pow(digits);
            let point = rng.below(digits as usize + 1);
            let text = format!("{mantissa:0width$}", width = digits as usize);
            let (int, frac) = text.split_at(text.len() - point);
            // The power of ten of the digits as a whole number stays within ±22.
            let exponent = rng.below(45) as i32 - 22 + point as i32;
            let int = int.trim_start_matches('0');
            let int = if int.is_empty() { "0" } else { int };
            let written =
                if frac.is_empty() { format!("{int}e{exponent}") } else { format!("{int}.{frac}e{exponent}") };
            let ours = parse(&format!("w = {written}")).unwrap()["w"].as_f64().unwrap();
            assert_eq!(ours, written.parse::<f64>().unwrap(), "{written}");
        }
    }

    #[test]
    fn hostile_nesting_is_refused() {
        let deep = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(&deep).unwrap_err().message.contains("too deep"));
        let deep = format!("a = {}1{}", "{ b = ".repeat(100_000), "}".repeat(100_000));
        assert!(parse(&deep).unwrap_err().message.contains("too deep"));
        let deep = format!("[{}]", vec!["t"; 100_000].join("."));
        assert!(parse(&deep).unwrap_err().message.contains("too deep"));
    }

    #[test]
    fn errors_name_their_place() {
        let e = parse("a = 1\nb = \"open\nc = 2\n").unwrap_err();
        assert_eq!((e.at, e.message.as_str()), (10, "the string is not closed on its line"));
        let e = parse("[t]\na = 1\n[t]\n").unwrap_err();
        assert_eq!((e.at, e.message.as_str()), (11, "table `t` is defined twice"));
        let e = parse("x = 2024-02-30\n").unwrap_err();
        assert_eq!((e.at, e.message.as_str()), (4, "not a valid date: `2024-02-30`"));
        let e = parse("x = inf\n").unwrap_err();
        assert_eq!(e.message, "infinity and not-a-number are not accepted: `inf`");
    }
}
