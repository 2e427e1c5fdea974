//! `email test`: the addresses checked first, the template rendered strictly, the message sent
//! through the configured relay, an `email.test` audit entry (the recipient's domain only).

use serde_json::json;

use super::{Actor, AuditEntry, Core, audit};
use crate::email::smtp::Relay;
use crate::error::{Error, Result};
use crate::proto::email::{EmailSent, EmailTest};

impl Core {
    pub(super) async fn send_test_email(
        &self,
        req: &EmailTest,
        actor: &Actor,
    ) -> Result<EmailSent> {
        let to = crate::email::mailbox(&req.to, "--to")?;
        let from = self.email.from.clone().ok_or_else(|| {
            Error::config("no sender: EMAIL_FROM is not set").with_hint(
                "set EMAIL_FROM (or email_from in a profile), e.g. `Acme AI <no-reply@acme.io>`",
            )
        })?;
        crate::email::mailbox(&from, "EMAIL_FROM")?;
        let url = self.email.smtp_url.as_deref().ok_or_else(|| {
            Error::config("no way to send mail: neither SENDGRID_API_KEY nor SMTP_URL is set")
                .with_hint("set SMTP_URL (smtp://USER:PASSWORD@HOST:PORT) in the environment")
        })?;
        let relay = Relay::parse(url, self.email.smtp_ca_file.clone(), self.connect.timeout)?;
        let rendered = self.templates().render(&req.template, req.data.as_ref())?;
        let message = crate::email::message(&from, &req.to, &rendered)?;
        let reply = crate::email::smtp::send(&relay, &message).await?;
        let domain = to.email.domain().to_string();
        // The mail is gone: record it where the database is, in a transaction of its own.
        let db = self.db().await?;
        let mut tx = db.begin().await?;
        audit::record(
            &mut tx,
            actor,
            AuditEntry::new("email.test", "email", req.template.clone()).metadata(json!({
                "template": req.template,
                "provider": "smtp",
                "recipient_domain": domain,
            })),
        )
        .await?;
        tx.commit().await?;
        Ok(EmailSent {
            provider: "smtp".into(),
            template: req.template.clone(),
            to: to.to_string(),
            from,
            subject: rendered.subject,
            reply,
        })
    }
}
