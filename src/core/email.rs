//! `email test`: the addresses checked first, the provider chosen, the template rendered
//! strictly, the message sent, an `email.test` audit entry (the recipient's domain only).

use serde_json::json;

use super::Core;
use super::actor::Actor;
use super::audit::{self, AuditEntry};
use crate::email::{sendgrid, smtp};
use crate::error::{Error, Result};
use crate::proto::email::{EmailPreview, EmailSent, EmailTest, Provider, Rendered};

impl Core {
    /// A template rendered without sending it (`--format eml`: the whole message).
    pub(super) async fn preview_email(&self, req: &EmailPreview) -> Result<Rendered> {
        self.platform_actor(crate::proto::ops::Op::EmailPreview)
            .await?;
        let mut rendered = self.templates().render(&req.template, req.data.as_ref())?;
        if req.format == crate::proto::email::PreviewFormat::Eml {
            let from = self
                .email
                .from
                .clone()
                .unwrap_or_else(|| "platctl <platctl@localhost>".into());
            let message = crate::email::message(&from, "recipient@example.com", &rendered)?;
            rendered.eml = Some(String::from_utf8_lossy(&message.formatted()).into_owned());
        }
        Ok(rendered)
    }

    pub(super) async fn send_test_email(
        &self,
        req: &EmailTest,
        actor: &Actor,
    ) -> Result<EmailSent> {
        let to = crate::email::mailbox(&req.to, "--to")?;
        let from_text = self.email.from.clone().ok_or_else(|| {
            Error::config("no sender: EMAIL_FROM is not set").with_hint(
                "set EMAIL_FROM (or email_from in a profile), e.g. `Acme AI <no-reply@acme.io>`",
            )
        })?;
        let from = crate::email::mailbox(&from_text, "EMAIL_FROM")?;
        let provider = self.email_provider(req)?;
        // The database that will hold the audit entry must answer before anything is sent:
        // no mail goes out that cannot be recorded.
        self.ready().await?;
        let db = self.db().await?;
        let rendered = self.templates().render(&req.template, req.data.as_ref())?;
        let (message_id, reply) = match provider {
            Provider::Smtp => {
                let url = self.email.smtp_url.as_deref().unwrap_or_default();
                let relay =
                    smtp::Relay::parse(url, self.email.smtp_ca_file.clone(), self.connect.timeout)?;
                let message = crate::email::message(&from_text, &req.to, &rendered)?;
                (None, smtp::send(&relay, &message).await?)
            }
            Provider::Sendgrid => {
                let api = sendgrid::Api {
                    url: (self.email.sendgrid_api_url.as_deref())
                        .unwrap_or(sendgrid::DEFAULT_URL)
                        .to_string(),
                    key: self.email.sendgrid_api_key.clone().unwrap_or_default(),
                    connect_timeout: self.connect.timeout,
                };
                let body = sendgrid::body(&from, &to, &rendered, req.sandbox);
                let accepted = sendgrid::send(&api, &body).await?;
                let reply = format!(
                    "{} {}",
                    accepted.status,
                    if req.sandbox {
                        "OK (sandbox mode: validated, not delivered)"
                    } else {
                        "Accepted"
                    }
                );
                (accepted.message_id, reply)
            }
        };
        let domain = to.email.domain().to_string();
        // The mail is gone: record it, in a transaction of its own.
        let mut tx = db.begin().await?;
        audit::record(
            &mut tx,
            actor,
            AuditEntry::new("email.test", "email", req.template.clone()).metadata(json!({
                "template": req.template,
                "provider": provider,
                "sandbox": req.sandbox,
                "recipient_domain": domain,
                "message_id": message_id,
            })),
        )
        .await?;
        tx.commit().await?;
        Ok(EmailSent {
            provider,
            template: req.template.clone(),
            to: to.to_string(),
            from: from.to_string(),
            subject: rendered.subject,
            sandbox: req.sandbox,
            message_id,
            reply,
        })
    }

    /// `--provider`, else SendGrid when its key is set, else SMTP when a relay is; each only
    /// when it is configured.
    fn email_provider(&self, req: &EmailTest) -> Result<Provider> {
        let sendgrid = self.email.sendgrid_api_key.is_some();
        let smtp = self.email.smtp_url.is_some();
        let provider = match req.provider {
            Some(Provider::Sendgrid) if !sendgrid => {
                return Err(Error::config("--provider sendgrid needs SENDGRID_API_KEY")
                    .with_hint("set SENDGRID_API_KEY in the environment (a key with the Mail Send permission)"));
            }
            Some(Provider::Smtp) if !smtp => {
                return Err(Error::config("--provider smtp needs SMTP_URL").with_hint(
                    "set SMTP_URL (smtp://USER:PASSWORD@HOST:PORT) in the environment",
                ));
            }
            Some(provider) => provider,
            None if sendgrid => Provider::Sendgrid,
            None if smtp => Provider::Smtp,
            None => {
                return Err(Error::config(
                    "no way to send mail: neither SENDGRID_API_KEY nor SMTP_URL is set",
                )
                .with_hint(
                    "set SENDGRID_API_KEY, or SMTP_URL (smtp://USER:PASSWORD@HOST:PORT), in the environment",
                ));
            }
        };
        if req.sandbox && provider == Provider::Smtp {
            return Err(Error::usage(
                "--sandbox is SendGrid's sandbox mode, and this message would go through SMTP",
            )
            .with_hint("add --provider sendgrid (with SENDGRID_API_KEY set), or drop --sandbox"));
        }
        Ok(provider)
    }
}
