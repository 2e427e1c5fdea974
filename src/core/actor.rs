//! Who acts, and what authorization let them see: the types every operation of the core is
//! handed. They sit below the nouns (`orgs`, `users`, `keys`, …) and [`super::authz`], which
//! decides them, so that the nouns never import the authorization that imports them.

use uuid::Uuid;

use crate::db::Sql;

/// An organization, as operations name it and authorization scopes to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgRef {
    pub id: Uuid,
    pub slug: String,
}

/// Who made a change.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<Uuid>,
    pub api_key_id: Option<Uuid>,
    /// `alice@acme.io` for a platform user, `os-user@host` for the operator.
    pub label: String,
    /// Set when an API key acts (with its creator's rights, bounded by its scopes).
    pub key: Option<KeyGrant>,
    /// Where the request came from (the admin API's caller); none on the command line.
    pub client: Client,
}

/// The caller of the admin API, as its audit entries record it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Client {
    pub ip: Option<std::net::IpAddr>,
    /// The caller's `User-Agent`; platctl's own on the command line.
    pub user_agent: Option<String>,
}

impl Actor {
    pub fn operator(label: &str) -> Actor {
        Actor {
            user_id: None,
            api_key_id: None,
            label: label.to_string(),
            key: None,
            client: Client::default(),
        }
    }
}

/// An API key acting: what it may do.
#[derive(Debug, Clone)]
pub struct KeyGrant {
    /// Its organization; none for a platform key.
    pub organization: Option<OrgRef>,
    pub prefix: String,
    pub scopes: Vec<String>,
}

/// What an authorized operation may see of the platform.
#[derive(Debug, Clone)]
pub enum View {
    /// Everything: the operator, a platform key, a user holding the permission everywhere.
    All,
    /// The objects of these organizations only (never a platform key, never an entry of the
    /// platform's own).
    Orgs(Vec<OrgRef>),
}

impl View {
    /// Whether it sees the organization.
    pub fn sees(&self, org: Uuid) -> bool {
        match self {
            View::All => true,
            View::Orgs(orgs) => orgs.iter().any(|o| o.id == org),
        }
    }

    /// The organizations it is limited to, if it is.
    pub fn orgs(&self) -> Option<&[OrgRef]> {
        match self {
            View::All => None,
            View::Orgs(orgs) => Some(orgs),
        }
    }

    /// ` AND column IN (…)` when limited (a column that is NULL — a platform key, a platform
    /// entry — is never in it).
    pub fn restrict(&self, sql: &mut Sql, column: &str) {
        let View::Orgs(orgs) = self else {
            return;
        };
        if orgs.is_empty() {
            sql.push_str(" AND 1 = 0");
            return;
        }
        sql.push_str(&format!(" AND {column} IN ("));
        for (i, org) in orgs.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_bind(org.id);
        }
        sql.push_str(")");
    }
}

/// What an authorization decided.
#[derive(Debug, Clone)]
pub struct Authorized {
    /// What the operation may see while it looks things up.
    pub view: View,
    /// The organization it applies to, when it names one or picks one (see
    /// [`Target`](super::authz::Target)).
    pub org: Option<OrgRef>,
}
