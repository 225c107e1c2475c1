//! A forgiving reader of JavaScript object literals, enough to lint a pasted `wx.config({...})`:
//! keys bare or quoted, strings in any quotes, numbers, booleans, arrays, nested objects, and
//! anything else (`Date.now()`, `<?= $ts ?>`, a variable) kept as the text it was written as.
//! Comments are skipped. It never evaluates anything.

/// A value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal {
    /// A string literal, unescaped (a template literal without `${}` counts).
    Str(String),
    /// A number, as written.
    Number(String),
    /// `true` or `false`.
    Bool(bool),
    /// `[...]`.
    Array(Vec<Literal>),
    /// `{...}`: its keys and values in order.
    Object(Vec<(String, Literal)>),
    /// Any other expression, as written (trimmed).
    Other(String),
}

/// Where the reader gave up, and what it expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiteralError {
    /// Characters from the start of the text.
    pub at: usize,
    /// What was expected (`:`, `}`, a key, …).
    pub expected: &'static str,
}

/// Reads the object literal that starts at byte `start` of `text` (which must be a `{`).
pub fn object_at(text: &str, start: usize) -> Result<Vec<(String, Literal)>, LiteralError> {
    let mut reader = Reader { text, pos: start };
    match reader.value()? {
        Literal::Object(entries) => Ok(entries),
        _ => Err(reader.error("{")),
    }
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn error(&self, expected: &'static str) -> LiteralError {
        LiteralError {
            at: self.text[..self.pos].chars().count(),
            expected,
        }
    }

    /// Skips whitespace and comments.
    fn skip_blank(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if let Some(body) = trimmed.strip_prefix("/*") {
                self.pos += body.find("*/").map_or(trimmed.len(), |end| end + 4);
            } else {
                return;
            }
        }
    }

    fn value(&mut self) -> Result<Literal, LiteralError> {
        self.skip_blank();
        let start = self.pos;
        let value = match self.peek() {
            None => return Err(self.error("a value")),
            Some('{') => self.object()?,
            Some('[') => self.array()?,
            Some(quote @ ('\'' | '"' | '`')) => match self.string(quote)? {
                Some(text) => Literal::Str(text),
                None => Literal::Other(self.text[start..self.pos].to_owned()),
            },
            Some(c) if c.is_ascii_digit() || c == '-' || c == '.' => {
                let len = self
                    .rest()
                    .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+')))
                    .unwrap_or(self.rest().len());
                self.pos += len;
                Literal::Number(self.text[start..self.pos].to_owned())
            }
            Some(_) => {
                let word = self.word();
                match word {
                    "true" => Literal::Bool(true),
                    "false" => Literal::Bool(false),
                    _ => Literal::Other(word.to_owned()),
                }
            }
        };
        // An operator or a call after it makes it an expression (`1 + x`, `a.b()`, `new Date()`);
        // a literal followed by anything else is left for the caller to refuse (a missing `,`).
        self.skip_blank();
        let continues = match self.peek() {
            None | Some(',' | '}' | ']' | ')') => false,
            Some(_) if matches!(value, Literal::Other(_)) => true,
            Some(c) => "+-*/%.?|&<>=!(".contains(c),
        };
        if continues {
            self.expression_tail()?;
            return Ok(Literal::Other(self.text[start..self.pos].trim().to_owned()));
        }
        Ok(value)
    }

    fn word(&mut self) -> &'a str {
        let start = self.pos;
        let len = self
            .rest()
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(self.rest().len());
        // Not a word at all (`<?= $ts ?>`): take one character, the rest is an expression.
        self.pos += if len == 0 {
            self.peek().map_or(0, char::len_utf8)
        } else {
            len
        };
        &self.text[start..self.pos]
    }

    /// Consumes up to the next `,` `}` `]` `)` outside brackets and strings.
    fn expression_tail(&mut self) -> Result<(), LiteralError> {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => return Ok(()),
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => return Ok(()),
                '\'' | '"' | '`' => {
                    self.string(c)?;
                    continue;
                }
                _ => {}
            }
            self.bump();
        }
        Ok(())
    }

    /// A string literal; `None` for a template literal with `${}` (an expression).
    fn string(&mut self, quote: char) -> Result<Option<String>, LiteralError> {
        self.bump();
        let mut text = String::new();
        let mut plain = true;
        loop {
            match self.bump() {
                None => return Err(self.error("the string's closing quote")),
                Some(c) if c == quote => return Ok(plain.then_some(text)),
                Some('\\') => match self.bump() {
                    Some('n') => text.push('\n'),
                    Some('t') => text.push('\t'),
                    Some(c) => text.push(c),
                    None => return Err(self.error("the string's closing quote")),
                },
                Some('$') if quote == '`' && self.peek() == Some('{') => {
                    plain = false;
                    text.push('$');
                }
                Some(c) => text.push(c),
            }
        }
    }

    fn array(&mut self) -> Result<Literal, LiteralError> {
        self.bump();
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            if self.peek() == Some(']') {
                self.bump();
                return Ok(Literal::Array(items));
            }
            items.push(self.value()?);
            self.skip_blank();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {
                    self.pos += 1;
                    return Ok(Literal::Array(items));
                }
                _ => return Err(self.error("`,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Literal, LiteralError> {
        self.bump();
        let mut entries = Vec::new();
        loop {
            self.skip_blank();
            let key = match self.peek() {
                Some('}') => {
                    self.bump();
                    return Ok(Literal::Object(entries));
                }
                Some(quote @ ('\'' | '"')) => self.string(quote)?.unwrap_or_default(),
                Some('.') if self.rest().starts_with("...") => {
                    self.pos += 3;
                    let spread = self.value()?;
                    entries.push((String::new(), spread));
                    self.skip_blank();
                    match self.peek() {
                        Some(',') => {
                            self.pos += 1;
                            continue;
                        }
                        Some('}') => {
                            self.pos += 1;
                            return Ok(Literal::Object(entries));
                        }
                        _ => return Err(self.error("`,` or `}`")),
                    }
                }
                Some(c) if c.is_alphanumeric() || c == '_' || c == '$' => self.word().to_owned(),
                _ => return Err(self.error("a key")),
            };
            self.skip_blank();
            let value = match self.peek() {
                Some(':') => {
                    self.bump();
                    self.value()?
                }
                // Shorthand `{ appId, timestamp }`: the value is a variable of that name.
                Some(',' | '}') => Literal::Other(key.clone()),
                _ => return Err(self.error("`:`")),
            };
            entries.push((key, value));
            self.skip_blank();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some('}') => {
                    self.pos += 1;
                    return Ok(Literal::Object(entries));
                }
                _ => return Err(self.error("`,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Literal)> {
        object_at(text, text.find('{').unwrap()).unwrap()
    }

    #[test]
    fn reads_the_documents_shape_with_comments() {
        let entries = read(
            "wx.config({\n  debug: true, // 开启调试模式\n  appId: 'wx0123', /* c */\n  \"timestamp\": 1414587457,\n  jsApiList: ['a', \"b\",],\n});",
        );
        assert_eq!(
            entries,
            vec![
                ("debug".into(), Literal::Bool(true)),
                ("appId".into(), Literal::Str("wx0123".into())),
                ("timestamp".into(), Literal::Number("1414587457".into())),
                (
                    "jsApiList".into(),
                    Literal::Array(vec![Literal::Str("a".into()), Literal::Str("b".into())])
                ),
            ]
        );
    }

    #[test]
    fn keeps_expressions_as_written() {
        let entries =
            read("{ timestamp: Date.now(), nonceStr: `n${i}`, signature: sig, appId, t: 1 + x }");
        assert_eq!(entries[0].1, Literal::Other("Date.now()".into()));
        assert_eq!(entries[1].1, Literal::Other("`n${i}`".into()));
        assert_eq!(entries[2].1, Literal::Other("sig".into()));
        assert_eq!(entries[3], ("appId".into(), Literal::Other("appId".into())));
        assert_eq!(entries[4].1, Literal::Other("1 + x".into()));
    }

    #[test]
    fn says_where_it_gave_up() {
        let error = object_at("{ appId 'x' }", 0).unwrap_err();
        assert_eq!(
            error,
            LiteralError {
                at: 8,
                expected: "`:`"
            }
        );
        assert_eq!(
            object_at("{ a: 'x", 0).unwrap_err().expected,
            "the string's closing quote"
        );
        assert_eq!(
            object_at("{ a: [1 2] }", 0).unwrap_err().expected,
            "`,` or `]`"
        );
    }
}
