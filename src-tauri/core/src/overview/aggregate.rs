//! Counting the trusted notes in the index per unit and period, and the equal-treatment
//! signal: each unit's refusal rate beside the rest of the municipality's.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::index::Index;
use super::OverviewError;

/// How rows are grouped in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    #[default]
    Month,
    Quarter,
    Year,
    /// The whole range as one period.
    All,
}

/// What to count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OverviewQuery {
    /// `YYYY-MM`, inclusive.
    #[serde(default)]
    #[ts(optional)]
    pub from: Option<String>,
    /// `YYYY-MM`, inclusive.
    #[serde(default)]
    #[ts(optional)]
    pub to: Option<String>,
    #[serde(default)]
    pub period: Period,
    /// `citizen` or `employee`; all kinds when absent.
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<String>,
}

/// The counts of one group of notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Counts {
    pub notes: u32,
    pub requests: u32,
    pub allowed: u32,
    pub refused: u32,
    pub ground_a: u32,
    pub ground_b: u32,
    pub ground_c: u32,
    pub unannounced_open: u32,
    pub unannounced_hidden: u32,
    pub video_requested: u32,
    pub video_allowed: u32,
    pub oral_decisions: u32,
    pub incidents: u32,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.notes += o.notes;
        self.requests += o.requests;
        self.allowed += o.allowed;
        self.refused += o.refused;
        self.ground_a += o.ground_a;
        self.ground_b += o.ground_b;
        self.ground_c += o.ground_c;
        self.unannounced_open += o.unannounced_open;
        self.unannounced_hidden += o.unannounced_hidden;
        self.video_requested += o.video_requested;
        self.video_allowed += o.video_allowed;
        self.oral_decisions += o.oral_decisions;
        self.incidents += o.incidents;
    }

    /// Refused of the requests decided (allowed + refused); `None` with none decided.
    pub fn refusal_rate(&self) -> Option<f64> {
        let decided = self.allowed + self.refused;
        (decided > 0).then(|| f64::from(self.refused) / f64::from(decided))
    }
}

/// One unit in one period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OverviewRow {
    pub unit: String,
    /// `2026-11`, `2026-K4`, `2026`, or `alle`.
    pub period: String,
    pub counts: Counts,
}

/// A unit over the whole range, beside the rest of the municipality.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UnitSignal {
    pub unit: String,
    pub counts: Counts,
    pub refusal_rate: Option<f64>,
    /// The municipality without this unit.
    pub rest_refusal_rate: Option<f64>,
    /// Two-proportion z of this unit's refusal rate against the rest's.
    pub z: Option<f64>,
    /// Marked as standing out (docs/overview.md: at least [`MIN_DECIDED`] decided requests,
    /// and |z| ≥ [`Z_MARK`]).
    pub stands_out: bool,
}

/// Fewer decided requests than this are never marked: too few to tell anything.
pub const MIN_DECIDED: u32 = 10;
/// Two standard errors: about a 5 % chance of marking a unit that treats alike.
pub const Z_MARK: f64 = 2.0;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Aggregate {
    pub rows: Vec<OverviewRow>,
    pub units: Vec<UnitSignal>,
    pub municipality: Counts,
}

pub fn aggregate(index: &Index, query: &OverviewQuery) -> Result<Aggregate, OverviewError> {
    let period_sql = match query.period {
        Period::Month => "month",
        Period::Quarter => {
            "substr(month, 1, 4) || '-K' || ((CAST(substr(month, 6, 2) AS INTEGER) + 2) / 3)"
        }
        Period::Year => "substr(month, 1, 4)",
        Period::All => "'alle'",
    };
    let sql = format!(
        "SELECT unit, {period_sql} AS p, count(*), sum(requested), sum(decision = 'allowed'),
                sum(decision = 'refused'), sum(ground_a), sum(ground_b), sum(ground_c),
                sum(unannounced_open), sum(unannounced_hidden), sum(video_requested),
                sum(video_allowed), sum(oral_decision), sum(incidents)
         FROM folders
         WHERE unit IS NOT NULL AND problem_kind IS NULL
           AND (?1 IS NULL OR month >= ?1) AND (?2 IS NULL OR month <= ?2)
           AND (?3 IS NULL OR kind = ?3)
         GROUP BY unit, p ORDER BY unit, p"
    );
    let conn = index.connection();
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(rusqlite::params![query.from, query.to, query.kind], |r| {
            let n = |i: usize| -> rusqlite::Result<u32> {
                Ok(r.get::<_, Option<i64>>(i)?.unwrap_or(0) as u32)
            };
            Ok(OverviewRow {
                unit: r.get(0)?,
                period: r.get(1)?,
                counts: Counts {
                    notes: n(2)?,
                    requests: n(3)?,
                    allowed: n(4)?,
                    refused: n(5)?,
                    ground_a: n(6)?,
                    ground_b: n(7)?,
                    ground_c: n(8)?,
                    unannounced_open: n(9)?,
                    unannounced_hidden: n(10)?,
                    video_requested: n(11)?,
                    video_allowed: n(12)?,
                    oral_decisions: n(13)?,
                    incidents: n(14)?,
                },
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;

    let mut municipality = Counts::default();
    let mut by_unit: Vec<(String, Counts)> = Vec::new();
    for row in &rows {
        municipality.add(&row.counts);
        match by_unit.last_mut() {
            Some((unit, counts)) if *unit == row.unit => counts.add(&row.counts),
            _ => {
                let mut counts = Counts::default();
                counts.add(&row.counts);
                by_unit.push((row.unit.clone(), counts));
            }
        }
    }
    let units = by_unit
        .into_iter()
        .map(|(unit, counts)| signal(unit, counts, &municipality))
        .collect();
    Ok(Aggregate {
        rows,
        units,
        municipality,
    })
}

fn signal(unit: String, counts: Counts, all: &Counts) -> UnitSignal {
    let decided = counts.allowed + counts.refused;
    let rest_refused = all.refused - counts.refused;
    let rest_decided = all.allowed + all.refused - decided;
    let rate = counts.refusal_rate();
    let rest_rate = (rest_decided > 0).then(|| f64::from(rest_refused) / f64::from(rest_decided));
    let z = match (rate, rest_rate) {
        (Some(p1), Some(p2)) => {
            let pooled =
                f64::from(counts.refused + rest_refused) / f64::from(decided + rest_decided);
            let se = (pooled
                * (1.0 - pooled)
                * (1.0 / f64::from(decided) + 1.0 / f64::from(rest_decided)))
            .sqrt();
            (se > 0.0).then(|| (p1 - p2) / se)
        }
        _ => None,
    };
    UnitSignal {
        stands_out: decided >= MIN_DECIDED && z.is_some_and(|z| z.abs() >= Z_MARK),
        unit,
        counts,
        refusal_rate: rate,
        rest_refusal_rate: rest_rate,
        z,
    }
}
