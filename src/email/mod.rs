//! Email: the platform's templates (built into the binary, each part overridable from a
//! directory), rendered strictly with Handlebars — a variable the data lacks is an error naming
//! it, never a blank in a sent mail — and the MIME message built from them.

pub mod sendgrid;
pub mod smtp;

use std::path::{Path, PathBuf};

use handlebars::Handlebars;
use serde_json::{Map, Value};

use crate::error::{Error, Result, suggestion};
use crate::proto::email::{Rendered, TemplateInfo};
use crate::text::quote;

/// Where templates and the sender come from, and how mail goes out: plain values, resolved
/// from the settings by whoever opens the core. Not `Debug`: it holds secrets.
#[derive(Clone, Default)]
pub struct Config {
    /// A directory whose files override parts of the built-in templates.
    pub templates_dir: Option<PathBuf>,
    /// `EMAIL_FROM`.
    pub from: Option<String>,
    /// `SMTP_URL`, and the CA file of a private relay.
    pub smtp_url: Option<String>,
    pub smtp_ca_file: Option<PathBuf>,
    /// `SENDGRID_API_KEY`, and the API's base URL (`SENDGRID_API_URL`).
    pub sendgrid_api_key: Option<String>,
    pub sendgrid_api_url: Option<String>,
}

/// A built-in template: its parts and the variables it declares, with sample values for
/// previews.
struct Template {
    name: &'static str,
    subject: &'static str,
    text: &'static str,
    html: &'static str,
    variables: &'static [(&'static str, &'static str)],
}

macro_rules! template {
    ($name:literal, [$(($var:literal, $sample:literal)),* $(,)?]) => {
        Template {
            name: $name,
            subject: include_str!(concat!("templates/", $name, ".subject.hbs")),
            text: include_str!(concat!("templates/", $name, ".txt.hbs")),
            html: include_str!(concat!("templates/", $name, ".html.hbs")),
            variables: &[$(($var, $sample)),*],
        }
    };
}

const TEMPLATES: &[Template] = &[
    template!(
        "welcome",
        [
            ("name", "Alice"),
            ("platform_name", "Acme AI"),
            ("organization", "Acme"),
            ("login_url", "https://app.acme.io/login"),
        ]
    ),
    template!(
        "password-reset",
        [
            ("name", "Alice"),
            ("platform_name", "Acme AI"),
            ("reset_url", "https://app.acme.io/reset?token=sample"),
            ("expires_in", "1 hour"),
        ]
    ),
    template!(
        "job-complete",
        [
            ("name", "Alice"),
            ("job_name", "fine-tune llama-3 support-v2"),
            ("status", "succeeded"),
            ("duration", "42 minutes"),
            ("job_url", "https://app.acme.io/jobs/42"),
        ]
    ),
];

/// The templates, with an optional directory whose `NAME.subject.hbs`, `NAME.txt.hbs` and
/// `NAME.html.hbs` replace the built-in parts.
pub struct Templates {
    pub dir: Option<PathBuf>,
}

const PARTS: [&str; 3] = ["subject", "txt", "html"];

impl Templates {
    fn find(&self, name: &str) -> Result<&'static Template> {
        TEMPLATES.iter().find(|t| t.name == name).ok_or_else(|| {
            Error::not_found(format!("there is no email template {}", quote(name)))
                .with_hint(suggestion(name, TEMPLATES.iter().map(|t| t.name)))
        })
    }

    /// A part of `t`: the directory's file when there is one, else the built-in text.
    fn part(&self, t: &Template, part: &str) -> Result<(String, Option<PathBuf>)> {
        if let Some(dir) = &self.dir {
            let path = dir.join(format!("{}.{part}.hbs", t.name));
            match std::fs::read_to_string(&path) {
                Ok(text) => return Ok((text, Some(path))),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(format!("cannot read {}", path.display()), e)),
            }
        }
        let text = match part {
            "subject" => t.subject,
            "txt" => t.text,
            _ => t.html,
        };
        Ok((text.to_string(), None))
    }

    pub fn list(&self) -> Result<Vec<TemplateInfo>> {
        TEMPLATES
            .iter()
            .map(|t| {
                let mut overridden = Vec::new();
                for part in PARTS {
                    if let (_, Some(path)) = self.part(t, part)? {
                        overridden.push(path.display().to_string());
                    }
                }
                Ok(TemplateInfo {
                    name: t.name.to_string(),
                    subject: self.part(t, "subject")?.0.trim().to_string(),
                    variables: t.variables.iter().map(|(v, _)| v.to_string()).collect(),
                    source: if overridden.is_empty() {
                        "built in".into()
                    } else {
                        overridden.join(", ")
                    },
                })
            })
            .collect()
    }

    /// Render `name` with `data` (the sample data when `None`). Every declared variable must
    /// be in the data; HTML-escaped in the HTML part only.
    pub fn render(&self, name: &str, data: Option<&Value>) -> Result<Rendered> {
        let t = self.find(name)?;
        let sample: Map<String, Value> = t
            .variables
            .iter()
            .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
            .collect();
        let data = match data {
            None => Value::Object(sample),
            Some(Value::Object(map)) => {
                let missing: Vec<&str> = t
                    .variables
                    .iter()
                    .map(|(k, _)| *k)
                    .filter(|k| map.get(*k).is_none_or(Value::is_null))
                    .collect();
                if !missing.is_empty() {
                    return Err(Error::usage(format!(
                        "the data for {name} has no {}",
                        missing
                            .iter()
                            .map(|m| format!("`{m}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                    .with_hint(format!(
                        "{name} needs {}",
                        t.variables
                            .iter()
                            .map(|(k, _)| *k)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
                Value::Object(map.clone())
            }
            Some(_) => {
                return Err(Error::usage("the template data must be a JSON object")
                    .with_hint(format!("e.g. {}", Value::Object(sample))));
            }
        };
        let mut plain = Handlebars::new();
        plain.set_strict_mode(true);
        plain.register_escape_fn(handlebars::no_escape);
        let mut html = Handlebars::new();
        html.set_strict_mode(true);
        let render = |engine: &Handlebars, part: &str| -> Result<String> {
            let (source, path) = self.part(t, part)?;
            let origin = path
                .as_deref()
                .map(Path::display)
                .map(|p| p.to_string())
                .unwrap_or_else(|| format!("the built-in {name}.{part}.hbs"));
            engine.render_template(&source, &data).map_err(|e| {
                Error::usage(format!("cannot render {origin}: {}", e.reason()))
                    .with_hint("every {{variable}} must be in the data")
            })
        };
        let subject = render(&plain, "subject")?.trim().to_string();
        if subject.contains(['\n', '\r']) {
            return Err(Error::usage(format!(
                "the subject of {name} spans lines once rendered"
            )));
        }
        Ok(Rendered {
            template: name.to_string(),
            subject,
            text: render(&plain, "txt")?,
            html: render(&html, "html")?,
            eml: None,
        })
    }
}

/// An address, checked before anything is sent.
pub fn mailbox(text: &str, what: &str) -> Result<lettre::message::Mailbox> {
    text.trim().parse().map_err(|e| {
        Error::usage(format!(
            "{what} {} is not an email address ({e})",
            quote(text)
        ))
        .with_hint("expected name@domain, or `Name <name@domain>`")
    })
}

/// The MIME message: text and HTML as alternatives, with a `Date` and a `Message-ID` on the
/// sender's domain (`<uuid@acme.io>`), as mail clients write them — the same for a preview
/// and for a message sent.
pub fn message(from: &str, to: &str, rendered: &Rendered) -> Result<lettre::Message> {
    use lettre::message::MultiPart;
    let from = mailbox(from, "EMAIL_FROM")?;
    let message_id = format!(
        "<{}@{}>",
        uuid::Uuid::new_v4().simple(),
        from.email.domain()
    );
    lettre::Message::builder()
        .from(from)
        .to(mailbox(to, "--to")?)
        .message_id(Some(message_id))
        .date_now()
        .subject(rendered.subject.clone())
        .multipart(MultiPart::alternative_plain_html(
            rendered.text.clone(),
            rendered.html.clone(),
        ))
        .map_err(|e| Error::internal(format!("cannot build the message: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_data_renders_every_template_and_html_is_escaped() {
        let templates = Templates { dir: None };
        for t in TEMPLATES {
            let r = templates.render(t.name, None).unwrap();
            assert!(!r.subject.is_empty() && !r.text.is_empty() && !r.html.is_empty());
        }
        let data = serde_json::json!({
            "name": "<script>alert(1)</script>",
            "platform_name": "Acme & Co",
            "organization": "acme",
            "login_url": "https://x",
        });
        let r = templates.render("welcome", Some(&data)).unwrap();
        assert!(r.html.contains("&lt;script&gt;"), "{}", r.html);
        assert!(r.text.contains("<script>"), "the text part is not escaped");
        assert_eq!(r.subject, "Welcome to Acme & Co, <script>alert(1)</script>");
    }

    #[test]
    fn a_missing_variable_is_named() {
        let templates = Templates { dir: None };
        let err = templates
            .render(
                "password-reset",
                Some(&serde_json::json!({"name": "A", "platform_name": "P", "expires_in": "1h"})),
            )
            .unwrap_err();
        assert!(err.message().contains("`reset_url`"), "{}", err.message());
        let err = templates.render("pasword-reset", None).unwrap_err();
        assert!(err.hint().unwrap_or("").contains("password-reset"));
    }
}
