//! The overview as CSV: one row per unit and period (docs/overview.md, "CSV"). The Danish
//! Excel form uses `;` between fields, a decimal comma and a UTF-8 byte order mark, which is
//! what Excel set to Danish opens correctly with a double click.

use super::aggregate::Aggregate;
use super::OverviewError;

pub const COLUMNS: [&str; 16] = [
    "unit",
    "period",
    "notes",
    "requests",
    "allowed",
    "refused",
    "refused_a",
    "refused_b",
    "refused_c",
    "refusal_rate",
    "unannounced_open",
    "unannounced_hidden",
    "video_requested",
    "video_allowed",
    "oral_decisions",
    "incidents",
];

pub fn to_csv(aggregate: &Aggregate, danish_excel: bool) -> Result<Vec<u8>, OverviewError> {
    let mut out = Vec::new();
    if danish_excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if danish_excel { b';' } else { b',' })
            .from_writer(&mut out);
        w.write_record(COLUMNS)?;
        for row in &aggregate.rows {
            let c = &row.counts;
            let rate = c
                .refusal_rate()
                .map(|r| {
                    let text = format!("{r:.3}");
                    if danish_excel {
                        text.replace('.', ",")
                    } else {
                        text
                    }
                })
                .unwrap_or_default();
            let numbers = [
                c.notes, c.requests, c.allowed, c.refused, c.ground_a, c.ground_b, c.ground_c,
            ]
            .map(|n| n.to_string());
            let more = [
                c.unannounced_open,
                c.unannounced_hidden,
                c.video_requested,
                c.video_allowed,
                c.oral_decisions,
                c.incidents,
            ]
            .map(|n| n.to_string());
            // A unit name is typed by staff: a leading = + - @ would be a formula in Excel.
            let unit = if row.unit.starts_with(['=', '+', '-', '@']) {
                format!("'{}", row.unit)
            } else {
                row.unit.clone()
            };
            let mut record = vec![unit, row.period.clone()];
            record.extend(numbers);
            record.push(rate);
            record.extend(more);
            w.write_record(&record)?;
        }
        w.flush().map_err(|e| OverviewError::Io {
            path: "csv".into(),
            detail: e.to_string(),
        })?;
    }
    Ok(out)
}
