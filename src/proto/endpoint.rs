//! An operation is a type. Each request of the platform is one struct that declares, once
//! ([`endpoints!`]): its [`Op`] (and so its permission and reach), its HTTP method and path,
//! its answer, and its place in the OpenAPI document. From that declaration the client sends
//! it (`Remote::send`), the server answers it (one generic handler), the core runs it (its
//! `core::Run` implementation) and the document describes it — nothing else spells a path or
//! a body.
//!
//! The wire format follows from the struct: fields named `{like_this}` in the path travel in
//! the path; the others in the query string (`GET`, `DELETE`) or in a JSON body (`POST`).

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use utoipa::openapi::path::{Parameter, ParameterIn};
use utoipa::openapi::schema::{AllOfBuilder, ArrayBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::{RefOr, Required};

use super::error::{Error, Result};
use super::ops::Op;

/// An HTTP method of the admin API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }

    /// Whether a request's fields (those not in the path) travel in a JSON body rather than
    /// the query string.
    pub fn has_body(self) -> bool {
        self == Method::Post
    }
}

/// The schemas of an OpenAPI document, by name.
pub type Schemas = Vec<(String, RefOr<Schema>)>;

/// One operation of the admin API, declared by its request type.
pub trait Endpoint: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The operation: its permission and reach ([`crate::proto::ops`]).
    const OP: Op;
    const METHOD: Method;
    /// The path, with `{field}` for each field carried in it.
    const PATH: &'static str;
    /// The document's `operationId`.
    const ID: &'static str;
    /// The document's tag.
    const TAG: &'static str;
    /// Answered with `201 Created` (something new) rather than `200 OK`.
    const CREATED: bool = false;
    /// Answered as it runs: NDJSON events (progress, then the result or the error, see
    /// `serve::stream`), not one JSON document.
    const STREAMED: bool = false;
    /// The document's summary of the operation, when it needs one.
    const SUMMARY: &'static str = "";
    type Response: Reply;

    /// The path parameters, query parameters and body, as the document describes them.
    fn shape() -> Shape;

    /// What cannot be asked of a server at all, refused before anything is sent (a place on
    /// this machine, say).
    fn remote_check(&self) -> Result<()> {
        Ok(())
    }
}

/// The parameters and body of an operation, for the document.
pub struct Shape {
    pub parameters: Vec<Parameter>,
    /// The body's schema name and schema; `required` when a field of it is.
    pub body: Option<(String, Schema, bool)>,
    /// The schemas the parameters and body refer to.
    pub schemas: Schemas,
}

/// The names `{like_this}` in a path, in order.
pub fn path_fields(path: &'static str) -> impl Iterator<Item = &'static str> {
    path.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

/// The shape of a request carried in the path and the query string (it derives
/// `utoipa::IntoParams`; each field's doc comment describes its parameter).
pub fn query_shape<E: Endpoint + utoipa::IntoParams>() -> Shape {
    let mut parameters = E::into_params(|| Some(ParameterIn::Query));
    for p in &mut parameters {
        if path_fields(E::PATH).any(|f| f == p.name) {
            p.parameter_in = ParameterIn::Path;
            p.required = Required::True;
        }
    }
    Shape {
        parameters,
        body: None,
        schemas: Vec::new(),
    }
}

/// The shape of a request carried in the path and a JSON body (it derives
/// `utoipa::ToSchema`, whose name the body's schema takes): the fields named in the path
/// become path parameters; the rest, if any, is the body.
pub fn body_shape<E: Endpoint + utoipa::ToSchema>() -> Shape {
    let mut schemas = Vec::new();
    E::schemas(&mut schemas);
    let mut parameters = Vec::new();
    let RefOr::T(Schema::Object(mut object)) = E::schema() else {
        return Shape {
            parameters,
            body: None,
            schemas,
        };
    };
    for name in path_fields(E::PATH) {
        let schema = object.properties.shift_remove(name);
        object.required.retain(|r| r != name);
        let mut p = Parameter::new(name);
        p.parameter_in = ParameterIn::Path;
        p.required = Required::True;
        p.schema = schema;
        parameters.push(p);
    }
    let body = (!object.properties.is_empty()).then(|| {
        let required = !object.required.is_empty();
        (E::name().into_owned(), Schema::Object(object), required)
    });
    Shape {
        parameters,
        body,
        schemas,
    }
}

/// An answer of the admin API, as the document refers to it.
pub trait Reply: Serialize + DeserializeOwned + Send + 'static {
    /// A reference to its schema (or the schema, when it has no name).
    fn reference() -> RefOr<Schema>;
    /// The named schemas it needs.
    fn schemas(out: &mut Schemas);
}

impl<T: Reply> Reply for Vec<T> {
    fn reference() -> RefOr<Schema> {
        ArrayBuilder::new().items(T::reference()).into()
    }
    fn schemas(out: &mut Schemas) {
        T::schemas(out);
    }
}

impl<T: Reply + utoipa::ToSchema> Reply for super::Changed<T> {
    /// The item, and whether it changed.
    fn reference() -> RefOr<Schema> {
        let changed = ObjectBuilder::new()
            .property(
                "changed",
                ObjectBuilder::new()
                    .schema_type(Type::Boolean)
                    .description(Some(
                        "False when everything already was as asked: nothing was written, no audit entry.",
                    )),
            )
            .required("changed");
        AllOfBuilder::new()
            .item(T::reference())
            .item(changed)
            .into()
    }
    fn schemas(out: &mut Schemas) {
        <T as Reply>::schemas(out);
    }
}

/// Named answers: referred to by name, their schema and those it needs added to the document.
macro_rules! replies {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::proto::endpoint::Reply for $ty {
            fn reference() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::RefOr::Ref(utoipa::openapi::Ref::from_schema_name(<$ty as utoipa::ToSchema>::name()))
            }
            fn schemas(out: &mut $crate::proto::endpoint::Schemas) {
                out.push((<$ty as utoipa::ToSchema>::name().into_owned(), <$ty as utoipa::PartialSchema>::schema()));
                <$ty as utoipa::ToSchema>::schemas(out);
            }
        }
    )*};
}
pub(crate) use replies;

/// Declares request types as endpoints: `Type: METHOD "path" => Answer, Op, "operation_id"`,
/// grouped by the document's tag; `(query)` or `(body)` says how its fields travel besides the
/// path (the method decides, this only names the derive the document is read from), `created`
/// answers 201, `streamed` answers with events as it runs, `remote` names a check made before the request is sent to a server.
macro_rules! endpoints {
    (tag $tag:literal; $(
        $ty:ident: $method:ident $path:literal => $answer:ty, $op:ident, $id:literal, ($shape:ident)
            $(, created $created:literal)? $(, streamed $streamed:literal)?
            $(, summary $summary:literal)? $(, remote $check:expr)?;
    )*) => {$(
        impl $crate::proto::endpoint::Endpoint for $ty {
            const OP: $crate::proto::ops::Op = $crate::proto::ops::Op::$op;
            const METHOD: $crate::proto::endpoint::Method = $crate::proto::endpoint::Method::$method;
            const PATH: &'static str = $path;
            const ID: &'static str = $id;
            const TAG: &'static str = $tag;
            $(const CREATED: bool = $created;)?
            $(const STREAMED: bool = $streamed;)?
            $(const SUMMARY: &'static str = $summary;)?
            type Response = $answer;
            fn shape() -> $crate::proto::endpoint::Shape {
                $crate::proto::endpoint::endpoints!(@shape $shape $ty)
            }
            $(fn remote_check(&self) -> $crate::proto::error::Result<()> {
                let check: fn(&Self) -> $crate::proto::error::Result<()> = $check;
                check(self)
            })?
        }
    )*};
    (@shape query $ty:ident) => { $crate::proto::endpoint::query_shape::<$ty>() };
    (@shape body $ty:ident) => { $crate::proto::endpoint::body_shape::<$ty>() };
}
pub(crate) use endpoints;

/// A request split for the wire: its path with the path fields filled in (percent-encoded),
/// and the other fields.
pub fn split<E: Endpoint>(req: &E) -> Result<(String, Map<String, Value>)> {
    let encode = |e: serde_json::Error| Error::internal(format!("cannot encode the request: {e}"));
    let Value::Object(mut fields) = serde_json::to_value(req).map_err(encode)? else {
        return Err(Error::internal("a request is not a JSON object"));
    };
    let mut path = String::new();
    let mut rest = E::PATH;
    while let Some((before, after)) = rest.split_once('{') {
        let (name, after) = after
            .split_once('}')
            .ok_or_else(|| Error::internal(format!("{} has an open brace", E::PATH)))?;
        let text = match fields.remove(name) {
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            other => {
                return Err(Error::internal(format!(
                    "{}: the path field {name} is {other:?}",
                    E::PATH
                )));
            }
        };
        path.push_str(before);
        path.push_str(&segment(&text));
        rest = after;
    }
    path.push_str(rest);
    Ok((path, fields))
}

/// The fields of a request without a body as query pairs (absent ones left out).
pub fn query_pairs(fields: Map<String, Value>) -> Result<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    for (name, value) in fields {
        let text = match value {
            Value::Null => continue,
            Value::String(s) => s,
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            other => {
                return Err(Error::internal(format!(
                    "the query field {name} is not a scalar: {other}"
                )));
            }
        };
        pairs.push((name, text));
    }
    Ok(pairs)
}

/// A path segment, percent-encoded (ids, names and emails go into paths).
fn segment(text: &str) -> String {
    // Everything but the unreserved characters of RFC 3986.
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_fields_are_read_in_order() {
        let names: Vec<&str> = path_fields("/a/{id}/b/{name}").collect();
        assert_eq!(names, ["id", "name"]);
        assert_eq!(path_fields("/a").count(), 0);
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(segment("a b/c@d.e"), "a%20b%2Fc%40d.e");
        assert_eq!(segment("é"), "%C3%A9");
    }
}
