//! Signing the open statement (ファイル → 署名して書き出す…) and its signature's badge: the
//! signature is an edit of the statement (undoable), the statement is saved with it and the
//! detached `<name>.p7s` is written beside it.

use std::path::PathBuf;

use crate::app::command::{Purpose, SignatureCommand};
use crate::app::document::DocKind;
use crate::app::signature::{self as sig, Outcome};
use crate::app::signing::{Badge, SignForm};
use crate::app::state::AppState;
use crate::app::tasks::{Outcome as TaskOutcome, TaskKind};
use crate::domain::edit::Edit;
use crate::i18n::Localize;
use crate::i18n::signature::{Signed, describe, verdict};
use crate::io::signature::key;

impl AppState {
    pub(crate) fn signature_command(&mut self, c: SignatureCommand, now: f64) {
        match c {
            SignatureCommand::Show => self.show_sign(),
            SignatureCommand::Close => self.signing.form = None,
            SignatureCommand::PickCertificate => self.ask(Purpose::SignCertificate),
            SignatureCommand::Certificate(path) => {
                if let Some(f) = &mut self.signing.form {
                    self.settings.used_folder_of(&path);
                    f.certificate = Some(path);
                    f.error = None;
                }
            }
            SignatureCommand::Sign => self.sign_open_statement(now),
            SignatureCommand::ShowDetails => self.signing.details = true,
            SignatureCommand::CloseDetails => self.signing.details = false,
            SignatureCommand::WriteTimestampRequest(path) => self.write_timestamp_request(&path),
            SignatureCommand::TakeTimestampReply(path) => self.take_timestamp_reply(&path, now),
        }
    }

    /// Signs the review of the open (received) statement: the review is saved, read back as
    /// written, and signed; the `.p7s` goes beside the review file.
    fn sign_review(&mut self, cert: &std::path::Path, password: &str, now: f64) {
        let Some(review_path) = self
            .doc
            .as_ref()
            .and_then(|d| d.received.as_ref())
            .map(|r| r.review_path.clone())
        else {
            return;
        };
        self.save_document(DocKind::Statement, Some(review_path.clone()), false, now);
        if self.doc.as_ref().is_some_and(|d| d.modified()) || !review_path.is_file() {
            let msg = self.loc.t("sig-gui-review-not-saved");
            if let Some(f) = &mut self.signing.form {
                f.error = Some(msg);
            }
            return;
        }
        let secs = sig::secs_of(&self.clock.now());
        let p7s = sig::p7s_path(&review_path);
        let signed = key::load_pkcs12(cert, password)
            .and_then(|k| sig::check_valid(cert, &k, secs).map(|()| k))
            .and_then(|k| {
                let (review, _) =
                    crate::io::hospital::load_review_digest(&review_path).map_err(|e| {
                        crate::io::signature::error::SignatureError::NotSignature {
                            path: review_path.clone(),
                            detail: e.to_string(),
                        }
                    })?;
                sig::sign_review(&review, &k, secs)
            })
            .map_err(|e| e.localize(&self.loc))
            .and_then(|der| {
                crate::io::atomic::atomic_write(&p7s, |w| w.write_all(&der))
                    .map_err(|e| crate::io::FileError::from(e).localize(&self.loc))
            });
        match signed {
            Ok(()) => {
                self.signing.last_certificate = Some(cert.to_path_buf());
                self.signing.form = None;
                let msg = self.loc.ta(
                    "sig-gui-review-signed",
                    &[
                        ("file", review_path.display().to_string().into()),
                        ("signature", p7s.display().to_string().into()),
                    ],
                );
                self.say(msg);
            }
            Err(msg) => {
                log::error!("{msg}");
                if let Some(f) = &mut self.signing.form {
                    f.error = Some(msg);
                }
            }
        }
    }

    /// Writes the timestamp request for the open statement's signature.
    fn write_timestamp_request(&mut self, path: &std::path::Path) {
        if self.refuse_own_file(path) {
            return;
        }
        let Some(doc) = &self.doc else { return };
        let statement = doc.path.clone().unwrap_or_default();
        let written = sig::current_signature(&doc.catalogue, &doc.project, &statement)
            .and_then(|der| sig::timestamp_request(&der, &statement))
            .map_err(|e| e.localize(&self.loc))
            .and_then(|request| {
                crate::io::atomic::atomic_write(path, |w| w.write_all(&request))
                    .map_err(|e| crate::io::FileError::from(e).localize(&self.loc))
            });
        match written {
            Ok(()) => {
                self.settings.used_folder_of(path);
                let msg = self.loc.ta(
                    "sig-gui-timestamp-request-written",
                    &[("file", path.display().to_string().into())],
                );
                self.say(msg);
            }
            Err(msg) => self.fail(msg),
        }
    }

    /// Takes a timestamp authority's reply into the open statement's signature: an edit of
    /// the statement (undoable), saved with the `.p7s` beside it, as signing is.
    fn take_timestamp_reply(&mut self, reply_path: &std::path::Path, now: f64) {
        let Some(doc) = &self.doc else { return };
        // Saving the timestamp must not save other changes with it (the signature is over
        // the statement as saved).
        let Some(path) = doc.path.clone().filter(|_| !doc.modified()) else {
            let msg = self.loc.t("sig-gui-timestamp-save-first");
            self.fail(msg);
            return;
        };
        let taken = crate::io::read::read_limited(
            reply_path,
            crate::io::signature::verify::MAX_SIGNATURE_BYTES,
        )
        .map_err(crate::io::signature::error::SignatureError::Read)
        .and_then(|reply| {
            let secs = sig::secs_of(&self.clock.now());
            sig::timestamped(
                (&doc.catalogue, &doc.project),
                &path,
                (&reply, reply_path),
                secs,
            )
        });
        let (stored, der) = match taken {
            Ok(t) => t,
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
                return;
            }
        };
        self.settings.used_folder_of(reply_path);
        if self.save_signature(stored, &der, &path, now) {
            let msg = self.loc.ta(
                "sig-gui-timestamped",
                &[("file", path.display().to_string().into())],
            );
            self.say(msg);
        }
    }

    /// Stores a signature in the open statement (an edit), saves it and writes the `.p7s`
    /// beside it. Not saved: the edit is taken back and said. Whether all was written.
    fn save_signature(
        &mut self,
        stored: crate::domain::project::StoredSignature,
        der: &[u8],
        path: &std::path::Path,
        now: f64,
    ) -> bool {
        self.edit(Edit::Signature(Some(stored)), now);
        self.save_document(DocKind::Statement, Some(path.to_path_buf()), false, now);
        if self.doc.as_ref().is_some_and(|d| d.modified()) {
            // Not saved: the signature is taken back (a statement on disk without it, and no
            // `.p7s`), and said; the save's own reason is in the log and its dialog.
            if let Some(d) = &mut self.doc {
                d.undo(now);
            }
            let msg = self.loc.t("sig-gui-not-saved");
            self.fail(msg);
            return false;
        }
        let p7s = sig::p7s_path(path);
        match crate::io::atomic::atomic_write(&p7s, |w| w.write_all(der)) {
            Ok(()) => true,
            Err(e) => {
                let msg = crate::io::FileError::from(e).localize(&self.loc);
                self.fail(msg);
                false
            }
        }
    }

    /// Opens the dialog (the certificate chosen last time in this window is offered again;
    /// the password never is).
    fn show_sign(&mut self) {
        let Some(doc) = &self.doc else { return };
        let review = doc.received.is_some();
        let certificate = self
            .signing
            .form
            .take()
            .and_then(|f| f.certificate)
            .or_else(|| self.signing.last_certificate.clone());
        self.signing.form = Some(SignForm {
            certificate,
            review,
            ..SignForm::default()
        });
    }

    /// Signs the statement as it stands, saves it with the signature and writes the `.p7s`.
    fn sign_open_statement(&mut self, now: f64) {
        let Some(form) = &mut self.signing.form else {
            return;
        };
        let password = zeroize::Zeroizing::new(std::mem::take(&mut *form.password));
        let Some(cert) = form.certificate.clone() else {
            form.error = Some(self.loc.t("sig-gui-no-certificate"));
            return;
        };
        let Some(doc) = &self.doc else { return };
        let Some(path) = doc.path.clone() else {
            form.error = Some(self.loc.t("sig-gui-save-first"));
            return;
        };
        if form.review {
            self.sign_review(&cert, &password, now);
            return;
        }
        let secs = sig::secs_of(&self.clock.now());
        let signed = key::load_pkcs12(&cert, &password)
            .and_then(|k| sig::check_valid(&cert, &k, secs).map(|()| k))
            .and_then(|k| sig::sign(&doc.catalogue, &doc.project, &k, secs).map(|s| (k, s)));
        let (key, (stored, der)) = match signed {
            Ok(s) => s,
            Err(e) => {
                let msg = e.localize(&self.loc);
                log::error!("{msg}");
                form.error = Some(msg);
                return;
            }
        };
        let want_pdf = form.pdf;
        self.signing.last_certificate = Some(cert.clone());
        self.signing.form = None;
        if !self.save_signature(stored, &der, &path, now) {
            return;
        }
        let msg = self.loc.ta(
            "sig-gui-signed",
            &[
                ("file", path.display().to_string().into()),
                (
                    "signature",
                    sig::p7s_path(&path).display().to_string().into(),
                ),
            ],
        );
        self.say(msg);
        if want_pdf {
            self.export_signed_pdf(path.with_extension("pdf"), key);
        }
    }

    /// Writes the signed statement's PDF with its PAdES signature, in the background.
    fn export_signed_pdf(&mut self, path: PathBuf, key: key::SigningKey) {
        let Some(d) = &self.doc else { return };
        let (c, p) = (d.catalogue.clone(), d.project.clone());
        let now = self.clock.now();
        let reason = self.loc.t("sig-pdf-reason");
        let file = path.clone();
        self.tasks.spawn(TaskKind::Export, path, move |_| {
            let result =
                crate::app::documents::export_signed_pdf(&file, (&c, &p), &key, &now, &reason);
            TaskOutcome::Exported { path: file, result }
        });
    }

    /// Verifies the open statement's signature again when the statement, its file or its
    /// signature changed since the badge was made (called before each frame is drawn).
    pub fn refresh_signature_badge(&mut self) {
        let Some(doc) = &self.doc else {
            self.signing.badge = None;
            return;
        };
        let Some(signature) = doc.project.signature.clone() else {
            self.signing.badge = None;
            return;
        };
        let revision = doc.revision();
        let trust = self.settings.trust_sources();
        let current = self.signing.badge.as_ref().is_some_and(|b| {
            b.revision == revision
                && b.path == doc.path
                && self.signing.anchors.is_some()
                && b.signature == signature
                && b.trust == trust
        });
        if current {
            return;
        }
        // A received statement is checked with its register folder's certificates too.
        let register = doc
            .received
            .as_ref()
            .and(doc.path.as_deref())
            .and_then(std::path::Path::parent)
            .map(std::path::Path::to_path_buf);
        let stale = self
            .signing
            .anchors
            .as_ref()
            .is_none_or(|(t, r, _)| *t != trust || *r != register)
            // Another statement opened: its folder's certificates may have changed.
            || self.signing.badge.as_ref().is_none_or(|b| b.path != doc.path);
        if stale {
            // Read once per choice and statement, not per edit.
            let read = trust.anchors(register.as_deref());
            self.signing.anchors = Some((trust.clone(), register, read));
        }
        let anchors = self
            .signing
            .anchors
            .as_ref()
            .map(|(_, _, a)| a.get())
            .unwrap_or_default();
        let Some(doc) = &self.doc else { return };
        let secs = sig::secs_of(&self.clock.now());
        let outcome = sig::verify_statement(&doc.catalogue, &doc.project, None, anchors, secs);
        let lines = match &outcome {
            Outcome::Checked(v) => describe(&self.loc, Signed::Statement(&doc.catalogue), v),
            Outcome::Unreadable(e) => {
                vec![self.loc.t("sig-verdict-invalid"), e.localize(&self.loc)]
            }
            Outcome::Unsigned => Vec::new(),
        };
        if let Outcome::Checked(v) = &outcome {
            log::info!("signature of the open statement: {}", verdict(&self.loc, v));
        }
        self.signing.badge = Some(Badge {
            revision,
            path: doc.path.clone(),
            signature,
            trust,
            outcome,
            lines,
        });
    }
}
