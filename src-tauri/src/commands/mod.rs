//! The commands the window may call, one file per area. Each deserializes its arguments,
//! calls one method of `App`, and returns the answer or the `AppError` as it is.

pub mod note;
pub mod overview;
pub mod records;
pub mod settings;
pub mod sync;
