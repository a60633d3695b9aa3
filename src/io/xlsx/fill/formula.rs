//! The display formulas of a checklist (`=IF(K12="はい","■","□")`, `=C5&"（"&D5&"）"`), read
//! and evaluated so that a filled copy carries the values they show after the fill: a viewer
//! that does not recalculate on open (LibreOffice's default, file previewers, a gateway that
//! rebuilds Office files) shows the new marks, not the old ones. Only the common shapes are
//! evaluated — literals, references to single cells, `& + - * /`, comparisons, `IF AND OR NOT
//! CONCATENATE CONCAT ISBLANK LEN TRIM`; anything else is [`Unsupported`] and the caller says
//! which cells show an old value until recalculated.

/// A value as a formula sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
}

/// A shape this evaluator does not know (a range, an unknown function, an error value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported;

/// A reference to one cell: its sheet (none: the formula's own), 0-based row and column, and
/// whether each part is absolute (`$`), which a shared formula does not shift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub sheet: Option<String>,
    pub row: u32,
    pub col: u16,
    pub row_abs: bool,
    pub col_abs: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Concat,
    Add,
    Sub,
    Mul,
    Div,
}

/// A parsed formula.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Lit(Value),
    Ref(Ref),
    Neg(Box<Expr>),
    Bin(Op, Box<Expr>, Box<Expr>),
    Call(String, Vec<Expr>),
}

/// Most characters of a formula read (Excel's own limit is 8,192).
const MAX_FORMULA_CHARS: usize = 8_192;
/// Deepest nesting parsed.
const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Str(String),
    Name(String),
    /// A sheet prefix (`入力!`, `'My sheet'!`).
    Sheet(String),
    Op(&'static str),
    Open,
    Close,
    Comma,
}

fn is_name_char(c: char) -> bool {
    !c.is_whitespace() && !"+-*/^&=<>(),:;!\"'%{}[]#@".contains(c)
}

/// The rest of a quoted text (its opening quote read): a doubled quote is one quote.
fn quoted(
    it: &mut std::iter::Peekable<std::str::Chars<'_>>,
    quote: char,
) -> Result<String, Unsupported> {
    let mut s = String::new();
    loop {
        match it.next() {
            Some(ch) if ch == quote && it.peek() == Some(&quote) => {
                it.next();
                s.push(quote);
            }
            Some(ch) if ch == quote => return Ok(s),
            Some(ch) => s.push(ch),
            None => return Err(Unsupported),
        }
    }
}

fn tokens(f: &str) -> Result<Vec<Tok>, Unsupported> {
    if f.chars().count() > MAX_FORMULA_CHARS {
        return Err(Unsupported);
    }
    let mut out = Vec::new();
    let mut it = f.chars().peekable();
    while let Some(&c) = it.peek() {
        match c {
            c if c.is_whitespace() => {
                it.next();
            }
            '"' => {
                it.next();
                out.push(Tok::Str(quoted(&mut it, '"')?));
            }
            '\'' => {
                it.next();
                let s = quoted(&mut it, '\'')?;
                if it.next() != Some('!') {
                    return Err(Unsupported);
                }
                out.push(Tok::Sheet(s));
            }
            '(' | ')' | ',' => {
                it.next();
                out.push(match c {
                    '(' => Tok::Open,
                    ')' => Tok::Close,
                    _ => Tok::Comma,
                });
            }
            '<' | '>' => {
                it.next();
                let op = match (c, it.peek()) {
                    ('<', Some('>')) => "<>",
                    ('<', Some('=')) => "<=",
                    ('>', Some('=')) => ">=",
                    ('<', _) => "<",
                    _ => ">",
                };
                if op.len() == 2 {
                    it.next();
                }
                out.push(Tok::Op(op));
            }
            '=' | '&' | '+' | '-' | '*' | '/' => {
                it.next();
                out.push(Tok::Op(match c {
                    '=' => "=",
                    '&' => "&",
                    '+' => "+",
                    '-' => "-",
                    '*' => "*",
                    _ => "/",
                }));
            }
            c if c.is_ascii_digit() || c == '.' => {
                let mut s = String::new();
                while let Some(&d) = it.peek() {
                    let exponent_sign =
                        matches!(d, '+' | '-') && s.ends_with(['E', 'e']) && !s.is_empty();
                    if d.is_ascii_digit() || d == '.' || d == 'E' || d == 'e' || exponent_sign {
                        s.push(d);
                        it.next();
                    } else {
                        break;
                    }
                }
                let n: f64 = s.parse().ok().ok_or(Unsupported)?;
                // A name starting with digits (a sheet named 2024) is not read.
                if it.peek().is_some_and(|d| is_name_char(*d) || *d == '!') {
                    return Err(Unsupported);
                }
                out.push(Tok::Num(n));
            }
            c if is_name_char(c) => {
                let mut s = String::new();
                while let Some(&d) = it.peek() {
                    if is_name_char(d) {
                        s.push(d);
                        it.next();
                    } else {
                        break;
                    }
                }
                if it.peek() == Some(&'!') {
                    it.next();
                    out.push(Tok::Sheet(s));
                } else {
                    out.push(Tok::Name(s));
                }
            }
            // A range (:), an array ({}), a percent, a power, an error value, a structured
            // reference: not evaluated.
            _ => return Err(Unsupported),
        }
    }
    Ok(out)
}

/// `$A$1`, `B12`: a single cell reference.
fn cell_ref(name: &str, sheet: Option<String>) -> Option<Ref> {
    let (col_abs, rest) = match name.strip_prefix('$') {
        Some(r) => (true, r),
        None => (false, name),
    };
    let letters = rest.find(|c: char| !c.is_ascii_alphabetic())?;
    let (col, rest) = rest.split_at(letters);
    let (row_abs, digits) = match rest.strip_prefix('$') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if col.is_empty() || col.len() > 3 || digits.is_empty() {
        return None;
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (row, col) = crate::io::xlsx::cell_index(&format!("{col}{digits}"))?;
    Some(Ref {
        sheet,
        row,
        col,
        row_abs,
        col_abs,
    })
}

struct Parser {
    toks: Vec<Tok>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn op(&mut self, ops: &[&str]) -> Option<&'static str> {
        match self.peek() {
            Some(Tok::Op(o)) if ops.contains(o) => {
                let o = *o;
                self.at += 1;
                Some(o)
            }
            _ => None,
        }
    }

    fn binary(
        &mut self,
        ops: &[&str],
        next: fn(&mut Parser) -> Result<Expr, Unsupported>,
    ) -> Result<Expr, Unsupported> {
        let mut left = next(self)?;
        while let Some(o) = self.op(ops) {
            let right = next(self)?;
            let op = match o {
                "=" => Op::Eq,
                "<>" => Op::Ne,
                "<" => Op::Lt,
                "<=" => Op::Le,
                ">" => Op::Gt,
                ">=" => Op::Ge,
                "&" => Op::Concat,
                "+" => Op::Add,
                "-" => Op::Sub,
                "*" => Op::Mul,
                _ => Op::Div,
            };
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn comparison(&mut self) -> Result<Expr, Unsupported> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Unsupported);
        }
        let e = self.binary(&["=", "<>", "<", "<=", ">", ">="], Parser::concat);
        self.depth -= 1;
        e
    }

    fn concat(&mut self) -> Result<Expr, Unsupported> {
        self.binary(&["&"], Parser::additive)
    }

    fn additive(&mut self) -> Result<Expr, Unsupported> {
        self.binary(&["+", "-"], Parser::multiplicative)
    }

    fn multiplicative(&mut self) -> Result<Expr, Unsupported> {
        self.binary(&["*", "/"], Parser::unary)
    }

    fn unary(&mut self) -> Result<Expr, Unsupported> {
        match self.op(&["-", "+"]) {
            Some("-") => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(Unsupported);
                }
                let e = self.unary().map(|e| Expr::Neg(Box::new(e)));
                self.depth -= 1;
                e
            }
            Some(_) => self.unary(),
            None => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Expr, Unsupported> {
        match self.next().ok_or(Unsupported)? {
            Tok::Num(n) => Ok(Expr::Lit(Value::Number(n))),
            Tok::Str(s) => Ok(Expr::Lit(Value::Text(s))),
            Tok::Open => {
                let e = self.comparison()?;
                match self.next() {
                    Some(Tok::Close) => Ok(e),
                    _ => Err(Unsupported),
                }
            }
            Tok::Sheet(sheet) => match self.next() {
                Some(Tok::Name(n)) => cell_ref(&n, Some(sheet)).map(Expr::Ref).ok_or(Unsupported),
                _ => Err(Unsupported),
            },
            Tok::Name(n) => {
                if self.peek() == Some(&Tok::Open) {
                    self.at += 1;
                    return self.call(&n);
                }
                match n.to_ascii_uppercase().as_str() {
                    "TRUE" => Ok(Expr::Lit(Value::Bool(true))),
                    "FALSE" => Ok(Expr::Lit(Value::Bool(false))),
                    _ => cell_ref(&n, None).map(Expr::Ref).ok_or(Unsupported),
                }
            }
            _ => Err(Unsupported),
        }
    }

    fn call(&mut self, name: &str) -> Result<Expr, Unsupported> {
        let name = name
            .trim_start_matches("_xlfn.")
            .trim_start_matches("_xlws.")
            .to_ascii_uppercase();
        let mut args = Vec::new();
        if self.peek() == Some(&Tok::Close) {
            self.at += 1;
            return Ok(Expr::Call(name, args));
        }
        loop {
            // An empty argument (IF(A1,,"x")) is not evaluated.
            args.push(self.comparison()?);
            match self.next() {
                Some(Tok::Comma) => {}
                Some(Tok::Close) => return Ok(Expr::Call(name, args)),
                _ => return Err(Unsupported),
            }
        }
    }
}

/// Parses a formula as written in a sheet's `<f>` (no leading `=`).
pub fn parse(formula: &str) -> Result<Expr, Unsupported> {
    let mut p = Parser {
        toks: tokens(formula.trim_start_matches('='))?,
        at: 0,
        depth: 0,
    };
    let e = p.comparison()?;
    if p.at != p.toks.len() {
        return Err(Unsupported);
    }
    Ok(e)
}

impl Expr {
    /// The cell references it holds.
    pub fn refs(&self) -> Vec<&Ref> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(e) = stack.pop() {
            match e {
                Expr::Lit(_) => {}
                Expr::Ref(r) => out.push(r),
                Expr::Neg(a) => stack.push(a),
                Expr::Bin(_, a, b) => {
                    stack.push(a);
                    stack.push(b);
                }
                Expr::Call(_, args) => stack.extend(args.iter()),
            }
        }
        out
    }

    /// The formula of a shared formula's other cell: relative references moved by
    /// `(rows, cols)`; one that would leave the sheet is unsupported.
    pub fn shifted(&self, (dr, dc): (i64, i64)) -> Result<Expr, Unsupported> {
        Ok(match self {
            Expr::Lit(v) => Expr::Lit(v.clone()),
            Expr::Ref(r) => {
                let row = if r.row_abs {
                    r.row
                } else {
                    u32::try_from(i64::from(r.row) + dr)
                        .ok()
                        .ok_or(Unsupported)?
                };
                let col = if r.col_abs {
                    r.col
                } else {
                    u16::try_from(i64::from(r.col) + dc)
                        .ok()
                        .ok_or(Unsupported)?
                };
                Expr::Ref(Ref {
                    row,
                    col,
                    ..r.clone()
                })
            }
            Expr::Neg(a) => Expr::Neg(Box::new(a.shifted((dr, dc))?)),
            Expr::Bin(op, a, b) => Expr::Bin(
                *op,
                Box::new(a.shifted((dr, dc))?),
                Box::new(b.shifted((dr, dc))?),
            ),
            Expr::Call(n, args) => Expr::Call(
                n.clone(),
                args.iter()
                    .map(|a| a.shifted((dr, dc)))
                    .collect::<Result<_, _>>()?,
            ),
        })
    }

    /// The value the formula shows, the cells' values given by `get`.
    pub fn eval(
        &self,
        get: &dyn Fn(&Ref) -> Result<Value, Unsupported>,
    ) -> Result<Value, Unsupported> {
        let v = self.value(get)?;
        // A formula showing an empty cell shows 0.
        Ok(if v == Value::Empty {
            Value::Number(0.0)
        } else {
            v
        })
    }

    fn value(
        &self,
        get: &dyn Fn(&Ref) -> Result<Value, Unsupported>,
    ) -> Result<Value, Unsupported> {
        match self {
            Expr::Lit(v) => Ok(v.clone()),
            Expr::Ref(r) => get(r),
            Expr::Neg(a) => Ok(Value::Number(-number(&a.value(get)?)?)),
            Expr::Bin(op, a, b) => binary(*op, &a.value(get)?, &b.value(get)?),
            Expr::Call(name, args) => call(name, args, get),
        }
    }
}

/// Most characters of a text a formula builds (Excel's limit; past it Excel shows #VALUE!).
const MAX_TEXT_CHARS: usize = 32_767;

/// Text as Excel shows a value in a concatenation.
pub fn text(v: &Value) -> Result<String, Unsupported> {
    Ok(match v {
        Value::Empty => String::new(),
        Value::Text(s) => s.clone(),
        Value::Number(n) => number_text(*n)?,
        Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
    })
}

/// A number as Excel writes it into text: 15 significant digits; a magnitude Excel would write
/// in E notation (or not finite) is not evaluated.
pub fn number_text(n: f64) -> Result<String, Unsupported> {
    if !n.is_finite() || n.abs() >= 1e15 || (n != 0.0 && n.abs() < 1e-9) {
        return Err(Unsupported);
    }
    if n.fract() == 0.0 {
        return Ok(format!("{}", n as i64));
    }
    let rounded: f64 = format!("{n:.14e}").parse().ok().ok_or(Unsupported)?;
    Ok(format!("{rounded}"))
}

/// A number as a cell stores it (`<v>`): exact; not finite is not evaluated.
pub fn number_value(n: f64) -> Result<String, Unsupported> {
    if n.is_finite() {
        Ok(format!("{n}"))
    } else {
        Err(Unsupported)
    }
}

fn number(v: &Value) -> Result<f64, Unsupported> {
    let n = match v {
        Value::Empty => 0.0,
        Value::Number(n) => *n,
        Value::Bool(b) => f64::from(u8::from(*b)),
        // Text Excel would read as a number in a sum: plain decimals only.
        Value::Text(s) => {
            let t = s.trim();
            let plain = !t.is_empty()
                && t.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
            if !plain {
                return Err(Unsupported);
            }
            t.parse().ok().ok_or(Unsupported)?
        }
    };
    if n.is_finite() {
        Ok(n)
    } else {
        Err(Unsupported)
    }
}

fn truth(v: &Value) -> Result<bool, Unsupported> {
    match v {
        Value::Empty => Ok(false),
        Value::Bool(b) => Ok(*b),
        Value::Number(n) => Ok(*n != 0.0),
        Value::Text(s) => match s.to_ascii_uppercase().as_str() {
            "TRUE" => Ok(true),
            "FALSE" => Ok(false),
            _ => Err(Unsupported),
        },
    }
}

/// Excel's ordering of two values: an empty cell is "" beside text, 0 beside a number, FALSE
/// beside a truth value; numbers sort before text, text before truth values; text ignores
/// case.
fn compare(a: &Value, b: &Value) -> std::cmp::Ordering {
    use Value::*;
    let rank = |v: &Value| match v {
        Number(_) => 0,
        Text(_) => 1,
        Bool(_) => 2,
        Empty => 3,
    };
    let (a, b) = match (a, b) {
        (Empty, Empty) => return std::cmp::Ordering::Equal,
        (Empty, Text(_)) => (Text(String::new()), b.clone()),
        (Text(_), Empty) => (a.clone(), Text(String::new())),
        (Empty, Number(_)) => (Number(0.0), b.clone()),
        (Number(_), Empty) => (a.clone(), Number(0.0)),
        (Empty, Bool(_)) => (Bool(false), b.clone()),
        (Bool(_), Empty) => (a.clone(), Bool(false)),
        _ => (a.clone(), b.clone()),
    };
    match (&a, &b) {
        (Number(x), Number(y)) => x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal),
        (Text(x), Text(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        (Bool(x), Bool(y)) => x.cmp(y),
        _ => rank(&a).cmp(&rank(&b)),
    }
}

fn binary(op: Op, a: &Value, b: &Value) -> Result<Value, Unsupported> {
    use std::cmp::Ordering::*;
    Ok(match op {
        Op::Eq => Value::Bool(compare(a, b) == Equal),
        Op::Ne => Value::Bool(compare(a, b) != Equal),
        Op::Lt => Value::Bool(compare(a, b) == Less),
        Op::Le => Value::Bool(compare(a, b) != Greater),
        Op::Gt => Value::Bool(compare(a, b) == Greater),
        Op::Ge => Value::Bool(compare(a, b) != Less),
        Op::Concat => {
            let joined = text(a)? + &text(b)?;
            if joined.chars().count() > MAX_TEXT_CHARS {
                return Err(Unsupported);
            }
            Value::Text(joined)
        }
        Op::Add => Value::Number(number(a)? + number(b)?),
        Op::Sub => Value::Number(number(a)? - number(b)?),
        Op::Mul => Value::Number(number(a)? * number(b)?),
        Op::Div => {
            let d = number(b)?;
            if d == 0.0 {
                return Err(Unsupported);
            }
            Value::Number(number(a)? / d)
        }
    })
}

fn call(
    name: &str,
    args: &[Expr],
    get: &dyn Fn(&Ref) -> Result<Value, Unsupported>,
) -> Result<Value, Unsupported> {
    let arg =
        |i: usize| -> Result<Value, Unsupported> { args.get(i).ok_or(Unsupported)?.value(get) };
    let all = || -> Result<Vec<Value>, Unsupported> { args.iter().map(|a| a.value(get)).collect() };
    match (name, args.len()) {
        ("IF", 2 | 3) => {
            if truth(&arg(0)?)? {
                arg(1)
            } else if args.len() == 3 {
                arg(2)
            } else {
                Ok(Value::Bool(false))
            }
        }
        // Excel skips empty and text cells a reference reaches here: only truth values and
        // numbers are evaluated.
        ("AND" | "OR", 1..) => {
            let values = all()?;
            if values
                .iter()
                .any(|v| matches!(v, Value::Empty | Value::Text(_)))
            {
                return Err(Unsupported);
            }
            let truths = values.iter().map(truth).collect::<Result<Vec<_>, _>>()?;
            Ok(Value::Bool(if name == "AND" {
                truths.iter().all(|b| *b)
            } else {
                truths.iter().any(|b| *b)
            }))
        }
        ("NOT", 1) => Ok(Value::Bool(!truth(&arg(0)?)?)),
        ("CONCATENATE" | "CONCAT", 1..) => {
            let joined: String = all()?.iter().map(text).collect::<Result<_, _>>()?;
            if joined.chars().count() > MAX_TEXT_CHARS {
                return Err(Unsupported);
            }
            Ok(Value::Text(joined))
        }
        // Excel counts UTF-16 units.
        ("LEN", 1) => Ok(Value::Number(text(&arg(0)?)?.encode_utf16().count() as f64)),
        ("TRIM", 1) => {
            let t = text(&arg(0)?)?;
            // Which spaces Japanese Excel trims besides U+0020 is not relied on.
            if t.contains('\u{3000}') {
                return Err(Unsupported);
            }
            Ok(Value::Text(
                t.split(' ')
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            ))
        }
        // ISBLANK tells an empty cell from a formula showing "", which the values read here
        // do not: not evaluated.
        _ => Err(Unsupported),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval_with(f: &str, cells: &[(&str, Value)]) -> Result<Value, Unsupported> {
        let cells: Vec<(Ref, Value)> = cells
            .iter()
            .map(|(n, v)| (cell_ref(n, None).unwrap(), v.clone()))
            .collect();
        parse(f)?.eval(&|r| {
            Ok(cells
                .iter()
                .find(|(c, _)| c.row == r.row && c.col == r.col && r.sheet.is_none())
                .map_or(Value::Empty, |(_, v)| v.clone()))
        })
    }

    fn t(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn the_common_display_shapes() {
        let yes = [("K12", t("はい"))];
        assert_eq!(eval_with("IF(K12=\"はい\",\"■\",\"□\")", &yes), Ok(t("■")));
        assert_eq!(
            eval_with("IF($K$12=\"いいえ\",\"■\",\"□\")", &yes),
            Ok(t("□"))
        );
        assert_eq!(
            eval_with("IF(K12=\"\",\"未回答\",K12)", &[]),
            Ok(t("未回答"))
        );
        assert_eq!(
            eval_with(
                "C5&\"（\"&D5&\"）\"",
                &[("C5", t("はい")), ("D5", Value::Number(2.0))]
            ),
            Ok(t("はい（2）"))
        );
        assert_eq!(
            eval_with("_xlfn.CONCAT(\"[\",A1,\"]\")", &[("A1", t("x"))]),
            Ok(t("[x]"))
        );
        assert_eq!(
            eval_with(
                "IF(AND(A1=\"はい\",B1<>\"\"),\"OK\",\"要確認\")",
                &[("A1", t("はい"))]
            ),
            Ok(t("要確認"))
        );
        assert_eq!(eval_with("1/3&\"\"", &[]), Ok(t("0.333333333333333")));
        assert_eq!(eval_with("2/3&\"\"", &[]), Ok(t("0.666666666666667")));
        assert_eq!(eval_with("LEN(\"𠮷\")", &[]), Ok(Value::Number(2.0)));
        assert_eq!(
            eval_with("A1", &[]),
            Ok(Value::Number(0.0)),
            "an empty cell shows 0"
        );
        assert_eq!(eval_with("(1+2)*3-4/2", &[]), Ok(Value::Number(7.0)));
        assert_eq!(
            eval_with("IF(a1=\"YES\",1,0)", &[("A1", t("yes"))]),
            Ok(Value::Number(1.0))
        );
        assert_eq!(
            eval_with("LEN(TRIM(\"  a  b \"))", &[]),
            Ok(Value::Number(3.0))
        );
        assert_eq!(
            eval_with("'入力 表'!C5=\"はい\"", &[]),
            Ok(Value::Bool(false))
        );
    }

    #[test]
    fn what_is_not_known_is_unsupported_never_guessed() {
        for f in [
            "SUM(A1:A3)",
            "VLOOKUP(A1,B1:C9,2,FALSE)",
            "IF(A1,,\"x\")",
            "A1^2",
            "50%",
            "{1,2}",
            "#REF!",
            "IF(\"はい\",1,0)",
            "1/0",
            "\"unterminated",
            "Table1[@Col]",
            "A1 B1",
            "ISBLANK(A1)",
            "AND(A1,TRUE)",
            "1E+15&\"\"",
            "TRIM(\"\u{3000}a\")",
        ] {
            assert_eq!(eval_with(f, &[]), Err(Unsupported), "{f}");
        }
        let deep = format!("{}1{}", "(".repeat(200), ")".repeat(200));
        assert_eq!(parse(&deep), Err(Unsupported));
    }

    #[test]
    fn a_shared_formula_moves_its_relative_references() {
        let e = parse("IF(K12=\"はい\",$A$1,K$12)").unwrap();
        let moved = e.shifted((3, 1)).unwrap();
        let cells: Vec<(u32, u16, bool, bool)> = moved
            .refs()
            .iter()
            .map(|r| (r.row, r.col, r.row_abs, r.col_abs))
            .collect();
        assert!(cells.contains(&(14, 11, false, false)), "{cells:?}");
        assert!(cells.contains(&(0, 0, true, true)), "{cells:?}");
        assert!(cells.contains(&(11, 11, true, false)), "{cells:?}");
        assert_eq!(parse("A1").unwrap().shifted((-1, 0)), Err(Unsupported));
    }
}
