//! Compresses the note's bundled fonts (assets/fonts/*.ttf, 0.8 MB) into OUT_DIR so the
//! binaries carry them deflated (about half the size); `note::pdf` inflates them once at run
//! time. The font files in the repository stay byte-for-byte Debian's (OFL: unmodified).

use std::io::Write;
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    for name in ["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"] {
        let src = PathBuf::from("assets/fonts").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let bytes = std::fs::read(&src).expect("bundled font");
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&bytes).expect("deflate");
        let packed = enc.finish().expect("deflate");
        std::fs::write(out.join(format!("{name}.deflate")), packed).expect("write OUT_DIR");
    }
}
