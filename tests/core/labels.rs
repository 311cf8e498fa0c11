//! The one label table: every value of every enum a user reads has words in both languages,
//! and the CLI, the documents and the window read the same ones.

use giaoban::error::{Entity, Field};
use giaoban::labels::{self, LABELS};
use giaoban::lang::Lang;
use giaoban::meeting::{MeetingKind, MeetingStatus};
use giaoban::minutes::{Attendance, AttendeeRole};
use giaoban::timeliness::{Bucket, DirectiveStatus};
use giaoban::unit::UnitKind;
use serde::Serialize;

/// Fails unless each value of `values` has non-empty words in both languages in `group`.
fn all_named<T: Serialize + std::fmt::Debug>(group: &str, values: &[T]) {
    for v in values {
        for lang in [Lang::Vi, Lang::En] {
            let words = labels::of(group, v, lang);
            assert!(
                !words.trim().is_empty(),
                "{group} {v:?} has no words in {lang:?}"
            );
        }
    }
    let named = LABELS.iter().filter(|l| l.group == group).count();
    assert_eq!(
        named,
        values.len(),
        "{group}: one label per value, no stray ones"
    );
}

#[test]
fn every_value_a_user_reads_has_its_words_in_both_languages() {
    use UnitKind as U;
    all_named(
        "unit_kind",
        &[
            U::Department,
            U::Office,
            U::Division,
            U::Center,
            U::Inspectorate,
            U::District,
            U::External,
            U::Other,
        ],
    );
    use MeetingKind as K;
    all_named(
        "meeting_kind",
        &[
            K::MonthlyBriefing,
            K::Conference,
            K::WorkingSession,
            K::OnlineBriefing,
            K::Other,
        ],
    );
    use MeetingStatus as M;
    all_named("meeting_status", &[M::Draft, M::InProgress, M::Closed]);
    use AttendeeRole as R;
    all_named(
        "role",
        &[R::Chair, R::Secretary, R::Member, R::Invited, R::Reporter],
    );
    use Attendance as A;
    all_named(
        "attendance",
        &[A::Present, A::Excused, A::Absent, A::Late, A::Online],
    );
    use DirectiveStatus as S;
    all_named(
        "directive_status",
        &[
            S::Assigned,
            S::InProgress,
            S::AwaitingConfirmation,
            S::Done,
            S::Cancelled,
            S::Suspended,
        ],
    );
    use Bucket as B;
    let buckets = [
        B::DoneOnTime,
        B::DoneLate,
        B::OpenWithinDeadline,
        B::OpenOverdue,
    ];
    all_named("bucket_column", &buckets);
    // The badge has one more: a cancelled directive has no bucket.
    for b in buckets {
        assert!(!labels::of("bucket", &b, Lang::Vi).is_empty());
    }
    assert_eq!(labels::label("bucket", "none", Lang::Vi), "Đã hủy");
    use Entity as E;
    all_named(
        "entity",
        &[
            E::Unit,
            E::Person,
            E::Series,
            E::Meeting,
            E::Conclusion,
            E::Directive,
            E::Attachment,
            E::Peer,
            E::Conflict,
        ],
    );
    use Field as F;
    all_named(
        "field",
        &[
            F::Name,
            F::Code,
            F::Content,
            F::LeadUnit,
            F::CoordinatingUnits,
            F::DirectingLeader,
            F::Deadline,
            F::AssignedOn,
            F::StartsAt,
            F::EndsAt,
            F::Status,
            F::Percent,
            F::Date,
            F::Reason,
            F::Parent,
            F::Period,
            F::Number,
            F::DocumentNumber,
            F::Source,
            F::Passphrase,
            F::Peer,
            F::Attendance,
            F::DaysOff,
        ],
    );
    use giaoban::backup::Reason as Why;
    all_named(
        "backup_reason",
        &[
            Why::Start,
            Why::Periodic,
            Why::Manual,
            Why::BeforeImport,
            Why::BeforeRestore,
        ],
    );
    // A message names its field in the table's words.
    let msg =
        giaoban::Error::invalid(F::LeadUnit, giaoban::error::Rule::Required).message(Lang::Vi);
    assert!(msg.contains("đơn vị chủ trì"), "{msg}");
    // The enums' own words are the table's.
    assert_eq!(S::InProgress.label(Lang::Vi), "Đang thực hiện");
    assert_eq!(
        labels::of("unit_kind", &U::District, Lang::Vi),
        "Huyện / thị xã / thành phố"
    );
}

/// Every table an exchange file carries, and every role a partner may have (with what it may
/// change), has its words in the one table, as the CLI and the window show them.
#[test]
fn exchange_tables_and_roles_have_their_words() {
    use giaoban::exchange::role::Role;
    use giaoban::exchange::schema::TABLES;
    for t in TABLES {
        for lang in [Lang::Vi, Lang::En] {
            assert_ne!(
                labels::label("record_table", t.name, lang),
                t.name,
                "{}",
                t.name
            );
        }
    }
    all_named("peer_role", &[Role::Office, Role::Unit, Role::Superior]);
    all_named(
        "peer_role_rule",
        &[Role::Office, Role::Unit, Role::Superior],
    );
}

/// A directive's priority has words, and the history's values read as words, dates as
/// dd/mm/yyyy, ids left out, in the CLI as in the window.
#[test]
fn the_historys_values_read_as_words() {
    use giaoban::directive::Priority;
    all_named(
        "priority",
        &[Priority::Normal, Priority::High, Priority::Urgent],
    );
    let vi = |entity, field, value| giaoban::audit::value_words(entity, field, value, Lang::Vi);
    assert_eq!(vi("directive", "status", "assigned"), "Chưa thực hiện");
    assert_eq!(vi("meeting", "status", "closed"), "Đã kết thúc");
    assert_eq!(vi("directive", "priority", "urgent"), "Khẩn");
    assert_eq!(vi("directive", "deadline", "2026-06-30"), "30/06/2026");
    assert_eq!(
        vi(
            "directive",
            "lead_unit_id",
            "0194f0d2-0000-7000-8000-000000000001"
        ),
        ""
    );
    assert_eq!(vi("directive", "content", "Rà soát"), "Rà soát");
    for field in [
        "file",
        "directives",
        "new_units",
        "document_number",
        "document_date",
    ] {
        assert_ne!(labels::label("audit_field", field, Lang::Vi), field);
    }
    assert_ne!(labels::label("audit_entity", "intake", Lang::Vi), "intake");
}
