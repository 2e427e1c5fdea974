//! Email templates and their rendering: requests and results.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Record;

/// A template: its subject (as written), the variables it declares, and where it comes from.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TemplateInfo {
    pub name: String,
    pub subject: String,
    pub variables: Vec<String>,
    /// `built in`, or the files of the templates directory that override parts of it.
    pub source: String,
}

impl Record for TemplateInfo {
    const COLUMNS: &'static [&'static str] = &["name", "subject", "variables", "source"];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PreviewFormat {
    Html,
    Text,
    /// The whole MIME message, as it would be sent.
    Eml,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EmailPreview {
    #[serde(deserialize_with = "super::input::term::deserialize")]
    #[schema(schema_with = super::input::term::schema)]
    pub template: String,
    /// The template's variables; the built-in sample data when absent.
    pub data: Option<Value>,
    pub format: PreviewFormat,
}

/// A rendered message.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Rendered {
    pub template: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The MIME message (for `--format eml`).
    pub eml: Option<String>,
}

/// Who carries a message out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// SendGrid's v3 Mail Send API (`SENDGRID_API_KEY`).
    Sendgrid,
    /// An SMTP relay (`SMTP_URL`).
    Smtp,
}

impl Provider {
    pub fn name(self) -> &'static str {
        match self {
            Provider::Sendgrid => "SendGrid",
            Provider::Smtp => "SMTP",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EmailTest {
    /// `name@domain`, or `Name <name@domain>`.
    #[serde(deserialize_with = "super::input::term::deserialize")]
    #[schema(schema_with = super::input::term::schema)]
    pub to: String,
    #[serde(deserialize_with = "super::input::term::deserialize")]
    #[schema(schema_with = super::input::term::schema)]
    pub template: String,
    /// The template's variables; sample data when absent.
    pub data: Option<Value>,
    /// The configured one when absent: SendGrid when its key is set, else SMTP.
    pub provider: Option<Provider>,
    /// SendGrid's sandbox mode: the request is validated, nothing is delivered.
    pub sandbox: bool,
}

/// A message handed over to the relay.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EmailSent {
    pub provider: Provider,
    pub template: String,
    pub to: String,
    pub from: String,
    pub subject: String,
    /// SendGrid's sandbox mode: validated, not delivered.
    pub sandbox: bool,
    /// SendGrid's `X-Message-Id`; none from SMTP.
    pub message_id: Option<String>,
    /// The relay's reply to the message (an SMTP queue id; SendGrid's status line).
    pub reply: String,
}

/// `email templates`: the templates, and where each comes from.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EmailTemplates {}

super::endpoint::endpoints! { tag "email";
    EmailTemplates: Get "/email/templates" => Vec<TemplateInfo>, EmailTemplates, "email_templates", (query);
    EmailPreview: Post "/email/preview" => Rendered, EmailPreview, "email_preview", (body);
    EmailTest: Post "/email/test" => EmailSent, EmailTest, "email_test", (body);
}

super::endpoint::replies!(TemplateInfo, Rendered, EmailSent);
