//! `platctl email`: template listings and previews (rendered by the backend) to the printer.

use super::Ctx;
use crate::cli::{EmailCommand, PreviewFormatArg, ProviderArg};
use crate::error::{Error, ExitStatus, Result};
use crate::output::Format;
use crate::proto::email::{EmailPreview, EmailTemplates, EmailTest, PreviewFormat, Provider};

pub async fn run(ctx: &Ctx<'_>, cmd: EmailCommand) -> Result<ExitStatus> {
    // Read the data before connecting: a bad file is the first thing to hear about.
    let (preview, test) = match &cmd {
        EmailCommand::Test {
            to,
            template,
            data,
            provider,
            sandbox,
        } => (
            None,
            Some(EmailTest {
                to: to.clone(),
                template: template.clone(),
                data: read_data(data.as_deref())?,
                provider: provider.map(|p| match p {
                    ProviderArg::Sendgrid => Provider::Sendgrid,
                    ProviderArg::Smtp => Provider::Smtp,
                }),
                sandbox: *sandbox,
            }),
        ),
        EmailCommand::Preview {
            template,
            data,
            format,
        } => {
            let data = read_data(data.as_deref())?;
            (
                Some(EmailPreview {
                    template: template.clone(),
                    data,
                    format: match format {
                        PreviewFormatArg::Html => PreviewFormat::Html,
                        PreviewFormatArg::Text => PreviewFormat::Text,
                        PreviewFormatArg::Eml => PreviewFormat::Eml,
                    },
                }),
                None,
            )
        }
        EmailCommand::Templates => (None, None),
    };
    let backend = ctx.backend().await?;
    let printer = ctx.printer;
    let result = async {
        if let Some(req) = test {
            let sent = backend.send(req).await?;
            let id = match &sent.message_id {
                Some(id) => format!(" (X-Message-Id {id})"),
                None => String::new(),
            };
            return printer.done(
                &sent,
                format!(
                    "Sent {} to {} through {}: {}{id}",
                    sent.template,
                    sent.to,
                    sent.provider.name(),
                    sent.reply
                ),
            );
        }
        match preview {
            None => printer.list(&backend.send(EmailTemplates {}).await?, "No templates."),
            Some(req) => {
                let format = req.format;
                let rendered = backend.send(req).await?;
                if printer.format() != Format::Table {
                    return printer.object(&rendered);
                }
                let body = match format {
                    PreviewFormat::Html => rendered.html,
                    PreviewFormat::Text => rendered.text,
                    PreviewFormat::Eml => rendered.eml.unwrap_or_default(),
                };
                if format != PreviewFormat::Eml {
                    printer.note(format!("Subject: {}", rendered.subject));
                }
                printer.raw(&body)
            }
        }
    }
    .await;
    backend.close().await;
    result.map(|_| ExitStatus::Success)
}

/// `--data FILE.json`, read and parsed.
fn read_data(path: Option<&std::path::Path>) -> Result<Option<serde_json::Value>> {
    let Some(path) = path else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("cannot read --data {}", path.display()), e))?;
    serde_json::from_str(&text).map(Some).map_err(|e| {
        Error::usage(format!("--data {} is not JSON: {e}", path.display()))
            .with_hint("a JSON object of the template's variables")
    })
}
