//! The policy in effect on this PC (SPEC section 7): the built-in one until the
//! administration publishes one on the share, signed with the administration key.
//!
//! The share's `samtalenotat/v1/policy/` folder holds `<name>.toml` with `<name>.toml.minisig`.
//! A file is believed only when the administration key signed it (and it loads as a policy);
//! the newest version is adopted: its text is kept in the local database, so it stays in use
//! offline, and a broken or badly signed file later on changes nothing (the last good one stays,
//! and the problem is shown in the settings). New drafts are made under the policy in effect; a
//! draft keeps the policy it was started under (by hash) until it is signed.

use std::cmp::Ordering;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::AppError;
use super::App;
use crate::domain::{Lang, Policy, PolicyRef};
use crate::store::policies::AdoptedPolicy;
use crate::store::Store;
use crate::sync::layout::ROOT;
use crate::trust::signed_file::{self, SignedKind};
use crate::trust::AdminKey;

const IN_EFFECT_SETTING: &str = "policy_in_effect";
const PROBLEM_SETTING: &str = "policy_problems";

/// Which policy is in effect, as the settings table says.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct InEffect {
    hash: String,
    since: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PolicySource {
    /// The policy built into this version of the app (Albertslund's).
    Builtin,
    /// Published by the administration on the share, signature checked.
    Administration,
}

/// Why a policy file on the share was not adopted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PolicyProblemCode {
    /// Not signed by the administration key (or the signature does not match the file).
    SignatureInvalid,
    /// Signed, but not a valid policy file (the detail says what is wrong).
    NotAPolicy,
    /// No signature file beside it.
    Unsigned,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PolicyProblem {
    /// Relative to the share.
    pub path: String,
    pub code: PolicyProblemCode,
    /// English, technical.
    pub detail: String,
}

/// What the settings screen shows about the policy.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PolicyStatus {
    pub municipality: String,
    pub id: String,
    pub version: String,
    pub hash: String,
    pub source: PolicySource,
    /// When this PC adopted it (`None` for the built-in one).
    pub in_effect_since: Option<String>,
    /// Files on the share that were not adopted, from the last look.
    pub problems: Vec<PolicyProblem>,
}

/// Compares policy versions like "2026.2" and "2026.10": numerically part by part, text
/// parts as text.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let parts = |s: &str| -> Vec<String> { s.split(['.', '-']).map(str::to_owned).collect() };
    let (pa, pb) = (parts(a), parts(b));
    for (x, y) in pa.iter().zip(&pb) {
        let o = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(nx), Ok(ny)) => nx.cmp(&ny),
            _ => x.cmp(y),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    pa.len().cmp(&pb.len())
}

impl App {
    /// The policy new drafts are made under.
    pub fn policy(&self) -> Arc<Policy> {
        let store = self.store();
        self.policy_in(&store)
    }

    /// The policy a record was made under; the policy in effect when this PC does not know
    /// it (a record from an older, unknown file), and the note then says which was used.
    pub fn policy_for(&self, reference: &PolicyRef) -> Arc<Policy> {
        let store = self.store();
        self.policy_for_in(&store, reference)
    }

    /// [`App::policy`] for a caller that holds the store already (the lock is not reentrant).
    pub(super) fn policy_in(&self, store: &Store) -> Arc<Policy> {
        let in_effect: Option<InEffect> = store.setting(IN_EFFECT_SETTING).ok().flatten();
        match in_effect {
            Some(e) => self
                .known_policy(store, &e.hash)
                .unwrap_or_else(|| self.config.policy.clone()),
            None => self.config.policy.clone(),
        }
    }

    /// [`App::policy_for`] for a caller that holds the store already.
    pub(super) fn policy_for_in(&self, store: &Store, reference: &PolicyRef) -> Arc<Policy> {
        match self.known_policy(store, &reference.hash) {
            Some(p) => p,
            None => self.policy_in(store),
        }
    }

    fn known_policy(&self, store: &Store, hash: &str) -> Option<Arc<Policy>> {
        if hash == self.config.policy.reference().hash {
            return Some(self.config.policy.clone());
        }
        if let Some(p) = self
            .policies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(hash)
        {
            return Some(p.clone());
        }
        let adopted = store.adopted_policy(hash).ok()??;
        let policy = Arc::new(Policy::load_from_str(&adopted.text).ok()?);
        self.policies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(hash.to_owned(), policy.clone());
        Some(policy)
    }

    pub fn policy_status(&self, lang: Lang) -> PolicyStatus {
        let policy = self.policy();
        let in_effect: Option<InEffect> = self.store().setting(IN_EFFECT_SETTING).ok().flatten();
        let builtin = policy.reference().hash == self.config.policy.reference().hash;
        PolicyStatus {
            municipality: policy.municipality(lang).to_owned(),
            id: policy.id().to_owned(),
            version: policy.version().to_owned(),
            hash: policy.reference().hash,
            source: if builtin {
                PolicySource::Builtin
            } else {
                PolicySource::Administration
            },
            in_effect_since: in_effect.filter(|_| !builtin).map(|e| e.since),
            problems: self
                .store()
                .setting(PROBLEM_SETTING)
                .ok()
                .flatten()
                .unwrap_or_default(),
        }
    }

    /// Looks at the share for a newer policy the administration published, and adopts it.
    /// Without an administration key or a reachable share nothing changes.
    pub fn refresh_policy(&self) -> Result<(), AppError> {
        let Some(admin) = self.admin_key() else {
            return Ok(());
        };
        let share = self.share_in_effect().path;
        let dir = share.join(ROOT).join("policy");
        if !dir.is_dir() {
            return Ok(());
        }
        let (found, problems) = read_published(&admin, &share);
        self.store().set_setting(PROBLEM_SETTING, &problems)?;
        let current = self.policy();
        let builtin = current.reference().hash == self.config.policy.reference().hash;
        let Some((text, newest)) = found
            .into_iter()
            .max_by(|a, b| compare_versions(a.1.version(), b.1.version()))
        else {
            return Ok(());
        };
        let newer = builtin || compare_versions(newest.version(), current.version()).is_gt();
        if !newer || newest.reference().hash == current.reference().hash {
            return Ok(());
        }
        let now = crate::domain::time::timestamp(self.now());
        let store = self.store();
        store.adopt_policy(&AdoptedPolicy {
            hash: newest.reference().hash,
            id: newest.id().to_owned(),
            version: newest.version().to_owned(),
            text,
            adopted_at: now.clone(),
        })?;
        store.set_setting(
            IN_EFFECT_SETTING,
            &InEffect {
                hash: newest.reference().hash,
                since: now,
            },
        )?;
        Ok(())
    }
}

/// Every policy file in the share's policy folder that the administration signed and that
/// loads, with the problems of the others. Never writes; never follows a link.
fn read_published(admin: &AdminKey, share: &Path) -> (Vec<(String, Policy)>, Vec<PolicyProblem>) {
    let dir = share.join(ROOT).join("policy");
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return (found, problems);
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    for name in names {
        let rel = format!("{ROOT}/policy/{name}");
        let mut problem = |code, detail: String| {
            problems.push(PolicyProblem {
                path: rel.clone(),
                code,
                detail,
            })
        };
        let stem = name.trim_end_matches(".toml");
        let path = dir.join(&name);
        let sig_path = dir.join(format!("{name}.minisig"));
        let Ok(bytes) = std::fs::read(&path) else {
            problem(PolicyProblemCode::NotAPolicy, "cannot be read".into());
            continue;
        };
        let sig = match std::fs::symlink_metadata(&sig_path) {
            Ok(m) if m.is_file() => std::fs::read(&sig_path).unwrap_or_default(),
            _ => {
                problem(PolicyProblemCode::Unsigned, "no signature file".into());
                continue;
            }
        };
        if let Err(e) = signed_file::verify(&admin.key, SignedKind::Policy, stem, &bytes, &sig) {
            problem(PolicyProblemCode::SignatureInvalid, e.to_string());
            continue;
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                problem(PolicyProblemCode::NotAPolicy, "not UTF-8 text".into());
                continue;
            }
        };
        match Policy::load_from_str(&text) {
            Ok(p) => found.push((text, p)),
            Err(e) => problem(PolicyProblemCode::NotAPolicy, e.to_string()),
        }
    }
    (found, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_by_number() {
        assert!(compare_versions("2026.10", "2026.2").is_gt());
        assert!(compare_versions("2026.2", "2026.2").is_eq());
        assert!(compare_versions("2027.1", "2026.9").is_gt());
        assert!(compare_versions("2026.2.1", "2026.2").is_gt());
    }
}
