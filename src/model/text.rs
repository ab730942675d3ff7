//! Ids and names as people and exports will read them: not empty, not too long, no control or
//! bidirectional-override characters, and no two ids in one list that differ only by Unicode
//! normalisation or an invisible character (they would look the same in every report).

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::i18n::Message;
use crate::model::error::{Doc, InputError};

/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 200;
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 500;

/// Characters that change how text around them is shown: bidirectional embeddings, overrides and
/// isolates, and the left-to-right and right-to-left marks.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Characters that show as nothing: zero-width space, joiners, word joiner, byte order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The first character a text may not hold (control characters, among them CR and NUL, and
/// bidirectional controls), as `U+XXXX`.
fn forbidden(text: &str) -> Option<String> {
    text.chars().find(|&c| c.is_control() || is_bidi_control(c)).map(|c| format!("U+{:04X}", u32::from(c)))
}

/// The problem with an id, if any.
pub fn id_problem(id: &str) -> Option<Message> {
    let n = id.chars().count();
    if id.trim().is_empty() {
        return Some(Message::IdEmpty);
    }
    if n > MAX_ID_CHARS {
        return Some(Message::IdTooLong { length: n.to_string(), max: MAX_ID_CHARS.to_string() });
    }
    forbidden(id).map(|code| Message::ForbiddenCharacter { code })
}

/// The problem with a name, if any.
pub fn name_problem(name: &str) -> Option<Message> {
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        return Some(Message::NameTooLong { length: n.to_string(), max: MAX_NAME_CHARS.to_string() });
    }
    forbidden(name).map(|code| Message::ForbiddenCharacter { code })
}

/// How an id looks: NFC-normalised, invisible characters removed.
pub fn id_look(id: &str) -> String {
    id.nfc().filter(|&c| !is_invisible(c)).collect()
}

/// Checks the ids and names of one document; problems name the item (by position only, so that
/// no refused text is echoed) and the field.
pub(crate) struct TextCheck {
    doc: Doc,
    /// Per list, the first id with each look.
    looks: HashMap<(&'static str, String), String>,
    pub(crate) errors: Vec<InputError>,
}

impl TextCheck {
    pub(crate) fn new(doc: Doc) -> TextCheck {
        TextCheck { doc, looks: HashMap::new(), errors: Vec::new() }
    }

    fn push(&mut self, item: &str, field: &str, problem: Message) {
        self.errors.push(InputError::Invalid {
            doc: self.doc,
            item: item.into(),
            field: field.into(),
            problem: Box::new(problem),
        });
    }

    /// Check an id of list `list` (item `item`); one that looks like an earlier, different id of the
    /// same list is an error (the same id twice is reported where the list is compiled).
    pub(crate) fn id(&mut self, list: &'static str, item: &str, field: &str, id: &str) {
        if let Some(p) = id_problem(id) {
            self.push(item, field, p);
            return;
        }
        let look = id_look(id);
        match self.looks.get(&(list, look.clone())) {
            Some(first) if first != id => {
                let other = first.escape_unicode_invisible();
                self.push(item, field, Message::IdLooksLike { id: id.escape_unicode_invisible(), other });
            }
            Some(_) => {}
            None => {
                self.looks.insert((list, look), id.to_string());
            }
        }
    }

    /// Check a name.
    pub(crate) fn name(&mut self, item: &str, field: &str, name: &str) {
        if let Some(p) = name_problem(name) {
            self.push(item, field, p);
        }
    }
}

/// Showing invisible characters of an id as `\u{…}` (the id is otherwise printable).
trait EscapeInvisible {
    fn escape_unicode_invisible(&self) -> String;
}

impl EscapeInvisible for str {
    fn escape_unicode_invisible(&self) -> String {
        self.chars()
            .map(|c| if is_invisible(c) { format!("\\u{{{:04X}}}", u32::from(c)) } else { c.to_string() })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(id_problem("ishoj-cbf"), None);
        assert_eq!(id_problem(""), Some(Message::IdEmpty));
        assert!(matches!(id_problem(&"x".repeat(201)), Some(Message::IdTooLong { .. })));
        assert_eq!(id_problem("a\rb"), Some(Message::ForbiddenCharacter { code: "U+000D".into() }));
        assert_eq!(id_problem("a\u{202E}b"), Some(Message::ForbiddenCharacter { code: "U+202E".into() }));
        assert_eq!(id_look("Ishöj"), id_look("Isho\u{308}j"));
        assert_eq!(id_look("a\u{200B}b"), "ab");
    }
}
