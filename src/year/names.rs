//! The names the tables show for the ids a portfolio carries: a department, budget area, committee,
//! municipality, pool, compensation or grant is shown by the name the policy gives it. The JSON and
//! the posting lines' finance codes keep the ids (SEMANTICS.md, "Names in the tables").

use std::collections::HashMap;

use crate::year::portfolio::Portfolio;

/// The names of one portfolio's departments and of its groups and arrangements.
#[derive(Debug, Default)]
pub struct Names<'a> {
    departments: HashMap<&'a str, &'a str>,
    others: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    /// The names the portfolio carries: its departments (and the scenario's, for a department only
    /// the scenario's policy has), budget areas, committees, municipalities, pools, compensations
    /// and grants.
    pub fn of(p: &'a Portfolio) -> Self {
        let mut n = Names::default();
        let scenario = p.scenario.iter().flat_map(|s| &s.portfolio.departments);
        for d in p.departments.iter().chain(scenario) {
            n.departments.entry(&*d.department).or_insert(&*d.name);
        }
        for g in p.budget_areas.iter().chain(&p.committees).chain(&p.municipalities) {
            n.others.entry(&*g.id).or_insert(&*g.name);
        }
        let arrangements = p.pools.iter().map(|x| (&*x.id, &*x.name));
        let arrangements = arrangements.chain(p.compensations.iter().map(|x| (&*x.id, &*x.name)));
        for (id, name) in arrangements.chain(p.grants.iter().map(|x| (&*x.id, &*x.name))) {
            n.others.entry(id).or_insert(name);
        }
        n
    }

    /// A department's name; its id when the portfolio has no name for it.
    pub fn department<'b>(&'b self, id: &'b str) -> &'b str {
        self.departments.get(id).copied().filter(|n| !n.is_empty()).unwrap_or(id)
    }

    /// The name of a department, or else of a group or arrangement (a posting's counterpart is a
    /// department or a grant); the id when the portfolio has no name for it.
    pub fn any<'b>(&'b self, id: &'b str) -> &'b str {
        match self.departments.get(id).or_else(|| self.others.get(id)) {
            Some(n) if !n.is_empty() => n,
            _ => id,
        }
    }
}

/// The width of a table's first column: the widest of `texts`, at least `min` characters.
pub fn width<'t>(texts: impl IntoIterator<Item = &'t str>, min: usize) -> usize {
    texts.into_iter().map(|t| t.chars().count()).fold(min, usize::max)
}

/// A table's line: `indent`, the label left-aligned in `w` characters, then each cell
/// right-aligned in `c` characters (wide enough for the longest heading).
pub fn line(o: &mut String, indent: &str, label: &str, w: usize, cells: &[String], c: usize) {
    o.push_str(indent);
    o.push_str(&format!("{label:<w$}"));
    for cell in cells {
        o.push_str(&format!(" {cell:>c$}"));
    }
    o.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_without_a_name_stays_the_id() {
        let n = Names::default();
        assert_eq!(n.department("a-social"), "a-social");
        assert_eq!(n.any("puljen"), "puljen");
        assert_eq!(width(["Børn og skole", "x"], 4), 13);
        assert_eq!(width([], 24), 24);
        let mut o = String::new();
        line(&mut o, "  ", "Børn", 6, &["1,00".into(), "netto".into()], 5);
        assert_eq!(o, "  Børn    1,00 netto\n");
    }
}
