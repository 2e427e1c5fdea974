//! The OpenAPI document: each operation described from its request type's declaration
//! ([`documented`]), the frame (title, the two ways to present a key), and the links between
//! operations.

use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::response::{ResponseBuilder, ResponsesBuilder};
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{ContentBuilder, OpenApi, Paths, Ref, RefOr, Required};

use super::error::Refusals;
use crate::proto::endpoint::{Endpoint, Method, Reply, Schemas};
use crate::proto::*;

fn http(method: Method) -> HttpMethod {
    match method {
        Method::Get => HttpMethod::Get,
        Method::Post => HttpMethod::Post,
        Method::Delete => HttpMethod::Delete,
    }
}

/// One operation as the document describes it, and the schemas it needs.
pub fn documented<E: Endpoint>() -> (Schemas, Paths) {
    let shape = E::shape();
    let mut schemas = shape.schemas;
    let mut op = OperationBuilder::new()
        .tag(E::TAG)
        .operation_id(Some(E::ID))
        .parameters((!shape.parameters.is_empty()).then_some(shape.parameters));
    // Every operation names the command it runs and what it needs.
    let command = format!("platctl {}", E::OP.command());
    op = op
        .summary(Some(if E::SUMMARY.is_empty() {
            command.clone()
        } else {
            E::SUMMARY.to_string()
        }))
        .description(Some(format!(
            "The operation of `{command}`: needs `{}` (reach: {}).",
            E::OP.permission(),
            E::OP.reach().describe()
        )));
    if let Some((name, schema, required)) = shape.body {
        let body = RequestBodyBuilder::new()
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name(name.clone())))
                    .build(),
            )
            .required(required.then_some(Required::True));
        op = op.request_body(Some(body.build()));
        schemas.push((name, RefOr::T(schema)));
    }
    <E::Response as Reply>::schemas(&mut schemas);
    let (status, description) = match E::CREATED {
        true => ("201", "Created"),
        false => ("200", "OK"),
    };
    let answer = ResponseBuilder::new().description(description).content(
        "application/json",
        ContentBuilder::new()
            .schema(Some(<E::Response as Reply>::reference()))
            .build(),
    );
    let responses = ResponsesBuilder::new()
        .response(status, answer)
        .responses_from_into_responses::<Refusals>();
    op = op
        .responses(responses)
        .security(SecurityRequirement::new("bearer", Vec::<String>::new()))
        .security(SecurityRequirement::new("api_key", Vec::<String>::new()));
    let mut paths = Paths::new();
    paths
        .paths
        .insert(E::PATH.into(), PathItem::new(http(E::METHOD), op));
    (schemas, paths)
}

type Parameters = &'static [(&'static str, &'static str)];
const KEY_ID: Parameters = &[("id", "$response.body#/id")];
const NEW_KEY_ID: Parameters = &[("id", "$response.body#/new/id")];
const EMAIL: Parameters = &[("email", "$response.body#/email")];
const ROLE: Parameters = &[("name", "$response.body#/name")];

/// The links of the document: a response of one operation carries what another takes (for
/// clients, and for the fuzzer's stateful phase, which follows them). From (method, path,
/// status), a name, to (method, path), with the parameters taken from the response.
#[allow(clippy::type_complexity)]
const LINKS: &[(Method, &str, &str, &str, Method, &str, Parameters)] = {
    use Method::{Delete, Get, Post};
    &[
        (
            Post,
            CreateKey::PATH,
            "201",
            "ShowKey",
            Get,
            ShowKey::PATH,
            KEY_ID,
        ),
        (
            Post,
            CreateKey::PATH,
            "201",
            "RotateKey",
            Post,
            RotateKey::PATH,
            KEY_ID,
        ),
        (
            Post,
            CreateKey::PATH,
            "201",
            "RevokeKey",
            Post,
            RevokeKey::PATH,
            KEY_ID,
        ),
        (
            Post,
            RotateKey::PATH,
            "201",
            "ShowNewKey",
            Get,
            ShowKey::PATH,
            NEW_KEY_ID,
        ),
        (
            Post,
            RotateKey::PATH,
            "201",
            "RevokeNewKey",
            Delete,
            RevokeKey::PATH,
            NEW_KEY_ID,
        ),
        (
            Post,
            RevokeKey::PATH,
            "200",
            "DeleteKey",
            Delete,
            DeleteKey::PATH,
            KEY_ID,
        ),
        (
            Delete,
            RevokeKey::PATH,
            "200",
            "DeleteKey",
            Delete,
            DeleteKey::PATH,
            KEY_ID,
        ),
        (
            Post,
            CreateUser::PATH,
            "201",
            "DisableUser",
            Post,
            DisableUser::PATH,
            EMAIL,
        ),
        (
            Post,
            DisableUser::PATH,
            "200",
            "EnableUser",
            Post,
            EnableUser::PATH,
            EMAIL,
        ),
        (
            Post,
            CreateRole::PATH,
            "201",
            "ShowRole",
            Get,
            ShowRole::PATH,
            ROLE,
        ),
        (
            Post,
            CreateRole::PATH,
            "201",
            "GrantToRole",
            Post,
            Grant::PATH,
            ROLE,
        ),
        (
            Post,
            CreateRole::PATH,
            "201",
            "DeleteRole",
            Delete,
            DeleteRole::PATH,
            ROLE,
        ),
        (
            Post,
            CreateOrganization::PATH,
            "201",
            "ListMembers",
            Get,
            ListUsers::PATH,
            &[("organization", "$response.body#/slug")],
        ),
        (
            Post,
            AssignRole::PATH,
            "200",
            "Unassign",
            Delete,
            Unassign::PATH,
            &[
                ("user", "$response.body#/user"),
                ("organization", "$response.body#/organization"),
            ],
        ),
    ]
};

fn operation_mut<'a>(
    api: &'a mut OpenApi,
    method: Method,
    path: &str,
) -> Option<&'a mut utoipa::openapi::path::Operation> {
    let item = api.paths.paths.get_mut(path)?;
    match method {
        Method::Get => item.get.as_mut(),
        Method::Post => item.post.as_mut(),
        Method::Delete => item.delete.as_mut(),
    }
}

/// The document as generated, finished: revoke's `DELETE` (the platform's spelling) described
/// as its `POST` is, under its own id, public routes marked so, the server named, and the
/// [`LINKS`] added.
pub fn finish(mut api: OpenApi) -> OpenApi {
    if let Some(item) = api.paths.paths.get_mut(RevokeKey::PATH)
        && let Some(post) = &item.post
    {
        let mut delete = post.clone();
        delete.operation_id = Some(format!("{}_delete", RevokeKey::ID));
        item.delete = Some(delete);
    }
    // The routes anyone may call say so (`security: []`), and the server is the one that
    // serves the document.
    for item in api.paths.paths.values_mut() {
        for op in [&mut item.get, &mut item.post, &mut item.delete]
            .into_iter()
            .flatten()
        {
            if op.security.is_none() {
                op.security = Some(Vec::new());
            }
        }
    }
    api.servers = Some(vec![
        utoipa::openapi::server::ServerBuilder::new()
            .url("/")
            .description(Some("the platctl serve that serves this document"))
            .build(),
    ]);
    for (method, path, status, name, to_method, to_path, parameters) in LINKS {
        let reference = format!(
            "#/paths/{}/{}",
            to_path.replace('~', "~0").replace('/', "~1"),
            to_method.as_str().to_lowercase()
        );
        let mut built = utoipa::openapi::link::LinkBuilder::new().operation_ref(reference);
        for (name, expression) in *parameters {
            built = built.parameter(*name, *expression);
        }
        if let Some(op) = operation_mut(&mut api, *method, path)
            && let Some(RefOr::T(response)) = op.responses.responses.get_mut(*status)
        {
            response
                .links
                .insert(name.to_string(), built.build().into());
        }
    }
    api
}

/// The document's frame: title, version, the two ways to present a key.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "platctl admin API",
        description = "The platform's admin API, served by `platctl serve`: every route runs the same operation as the platctl command named in its description, authorized and audited by the same core."
    ),
    components(schemas(crate::error::ErrorKind, super::error::ErrorBody)),
    modifiers(&KeySchemes)
)]
pub struct ApiDoc;

struct KeySchemes;

impl utoipa::Modify for KeySchemes {
    fn modify(&self, openapi: &mut OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))),
        );
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    #[test]
    fn operation_ids_are_unique_and_every_link_leads_somewhere() {
        let api: Value = serde_json::from_str(&super::super::openapi_json()).unwrap();
        let mut ids = std::collections::BTreeSet::new();
        for item in api["paths"].as_object().unwrap().values() {
            for op in item.as_object().unwrap().values() {
                let id = op["operationId"].as_str().unwrap();
                assert!(ids.insert(id.to_string()), "{id} twice");
            }
        }
        for (method, path, status, name, to_method, to_path, parameters) in super::LINKS {
            let method = method.as_str().to_lowercase();
            let response = &api["paths"][path][&method]["responses"][status];
            assert!(
                response["links"][name].is_object(),
                "{method} {path} {status}: {name}"
            );
            let to_method = to_method.as_str().to_lowercase();
            let target = &api["paths"][to_path][&to_method];
            let names: Vec<&str> = target["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["name"].as_str().unwrap())
                .collect();
            for (name, _) in *parameters {
                assert!(
                    names.contains(name),
                    "{to_method} {to_path} takes no {name}"
                );
            }
        }
    }
}
