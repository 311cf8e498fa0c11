//! Examples written for these tests (not taken from the sample reports).

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn office() -> Directory {
    Directory::from_names(&[
        "Sở Thông tin và Truyền thông",
        "Văn phòng Sở",
        "Phòng Kế hoạch - Tài chính",
        "Phòng Thông tin - Báo chí - Xuất bản",
        "Phòng Bưu chính, Viễn thông và Công nghệ thông tin",
        "Trung tâm Công nghệ thông tin và Truyền thông",
        "Thanh tra Sở",
    ])
}

fn lead(p: &Proposal) -> Option<&str> {
    p.lead_unit.as_ref().map(|u| u.name.as_str())
}

/// Each proposal's lead unit and words.
fn given(x: &Extraction) -> Vec<(Option<&str>, &str)> {
    x.directives
        .iter()
        .map(|p| (lead(p), p.content.as_str()))
        .collect()
}

#[test]
fn numbered_conclusions_with_units_and_deadlines() {
    let text = "KẾT LUẬN:\r\n\
        1. Giao Phòng Kế hoạch-Tài chính chủ trì, phối hợp với Văn phòng Sở tham mưu dự thảo kế hoạch năm 2027, trình trước ngày 15/12.\r\n\
        2. Văn phòng Sở: rà soát quy chế làm việc, hoàn thành trong quý I.\r\n\
        3. Đề nghị các phòng, đơn vị nghiêm túc thực hiện chế độ báo cáo định kỳ.\r\n";
    let x = extract(text, d(2026, 11, 20), &office());
    assert_eq!(x.directives.len(), 3, "{:#?}", x.directives);
    let [a, b, c] = &x.directives[..] else {
        unreachable!()
    };
    assert_eq!(
        a.content,
        "Tham mưu dự thảo kế hoạch năm 2027, trình trước ngày 15/12"
    );
    assert_eq!(lead(a), Some("Phòng Kế hoạch - Tài chính"));
    assert_eq!(a.coordinating_units[0].name, "Văn phòng Sở");
    assert_eq!(a.deadline, Some(d(2026, 12, 15)));
    assert_eq!(lead(b), Some("Văn phòng Sở"));
    assert_eq!(b.deadline, Some(d(2027, 3, 31)));
    // A deadline said as a clause of its own is the deadline, not words of the task.
    assert_eq!(b.content, "Rà soát quy chế làm việc");
    assert_eq!(lead(c), Some("các phòng, đơn vị"));
    assert_eq!(c.deadline, None);
}

#[test]
fn report_part_gives_nothing_and_the_subject_carries() {
    let text = "Trong tháng 10, Văn phòng Sở đã tham mưu tổ chức hội nghị sơ kết; \
        đã hoàn thành việc cấp chữ ký số cho cán bộ.\n\
        Phát biểu kết luận, đồng chí Lê Minh Hải, Giám đốc Sở đề nghị Thanh tra Sở tăng cường \
        kiểm tra việc chấp hành quy định về bản quyền; tham mưu kế hoạch thanh tra năm 2027. \
        Trung tâm CNTT&TT khẩn trương vận hành hệ thống một cửa điện tử trong tháng 12. \
        Tuy nhiên, một số đơn vị còn chậm báo cáo.";
    let x = extract(text, d(2026, 11, 5), &office());
    let leads: Vec<_> = x.directives.iter().map(lead).collect();
    assert_eq!(
        leads,
        [
            Some("Thanh tra Sở"),
            Some("Thanh tra Sở"),
            Some("Trung tâm Công nghệ thông tin và Truyền thông")
        ],
        "{:#?}",
        x.directives
    );
    assert_eq!(x.directives[2].deadline, Some(d(2026, 12, 31)));
    assert_eq!(x.meeting.chair.as_deref(), Some("Lê Minh Hải"));
}

#[test]
fn a_list_after_cu_the_with_one_deadline_for_all() {
    let text = "Giám đốc Sở kết luận như sau: đề nghị Phòng Bưu chính, Viễn thông và CNTT \
        hoàn thành trước ngày 30/6/2026 các nội dung sau:\n\
        - Cập nhật danh mục điểm phát sóng;\n\
        - Kiểm tra chất lượng dịch vụ tại các huyện;\n\
        + Báo cáo kết quả với lãnh đạo Sở (tháng 7/2026).";
    let x = extract(text, d(2026, 5, 12), &office());
    assert_eq!(x.directives.len(), 3, "{:#?}", x.directives);
    for p in &x.directives {
        assert_eq!(
            lead(p),
            Some("Phòng Bưu chính, Viễn thông và Công nghệ thông tin")
        );
    }
    assert_eq!(x.directives[0].deadline, Some(d(2026, 6, 30)));
    assert_eq!(x.directives[2].deadline, Some(d(2026, 7, 31)));
}

#[test]
fn text_without_diacritics_finds_the_same() {
    let text = "Ket luan: giao Phong Thong tin-Bao chi-Xuat ban chu tri to chuc hoi nghi \
        cung cap thong tin cho bao chi trong thang 12.";
    let x = extract(text, d(2026, 11, 5), &office());
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert_eq!(
        lead(&x.directives[0]),
        Some("Phòng Thông tin - Báo chí - Xuất bản")
    );
    assert_eq!(x.directives[0].deadline, Some(d(2026, 12, 31)));
}

#[test]
fn the_meeting_date_when_the_text_states_it() {
    let text =
        "Chiều ngày 12/7/2026, đồng chí Phạm Thu Hà - Phó Chủ tịch UBND tỉnh làm việc với Sở.";
    let x = extract(text, d(2026, 7, 12), &office());
    assert_eq!(x.meeting.date, Some(d(2026, 7, 12)));
    assert_eq!(x.meeting.chair.as_deref(), Some("Phạm Thu Hà"));
    let x = extract("Sáng 3/8/2026, Sở họp giao ban.", d(2026, 8, 3), &office());
    assert_eq!(x.meeting.date, Some(d(2026, 8, 3)));
    let x = extract(
        "Hạn nộp báo cáo là ngày 3/8/2026.",
        d(2026, 8, 3),
        &office(),
    );
    assert_eq!(x.meeting.date, None);
}

#[test]
fn bad_input_gives_a_valid_result() {
    let dir = office();
    let day = d(2026, 1, 1);
    for text in [
        "",
        "   \n\n ;;; :: ./.",
        "The meeting agreed to review the budget by June.",
        "Đề nghị",
        "giao cho",
        "1.\n2)\n-\n+",
        "\u{0}\u{feff}🙂 đề nghị 🙂",
    ] {
        let x = extract(text, day, &dir);
        assert!(
            x.directives.iter().all(|p| !p.content.is_empty()),
            "{text:?}"
        );
    }
    for english in [
        "The meeting agreed to review the budget by June.",
        "Conclusion: the Department can report to the board; staff must file minutes by 30/6.",
    ] {
        assert!(
            extract(english, day, &dir).directives.is_empty(),
            "{english}"
        );
    }
}

#[test]
fn decomposed_unicode_reads_like_composed() {
    let text = "Kết luận: giao Văn phòng Sở chủ trì rà soát quy chế, hoàn thành trong tháng 12.";
    let nfd: String = text.nfd().collect();
    let a = extract(text, d(2026, 11, 1), &office());
    let b = extract(&nfd, d(2026, 11, 1), &office());
    assert_eq!(a.directives.len(), 1);
    assert_eq!(a.directives[0].content, b.directives[0].content);
    assert_eq!(lead(&b.directives[0]), Some("Văn phòng Sở"));
}

#[test]
fn a_conclusion_notice_with_sections_closing_and_recipients() {
    let text = "THÔNG BÁO\nKết luận của Giám đốc Sở tại cuộc họp giao ban tháng 6 năm 2026\n\
        Ngày 05/6/2026, đồng chí Đỗ Văn Bình, Giám đốc Sở chủ trì cuộc họp giao ban. \
        Sau khi nghe báo cáo, Giám đốc Sở kết luận như sau:\n\
        1. Cơ bản thống nhất với báo cáo kết quả công tác tháng 5.\n\
        2. Nhiệm vụ trọng tâm tháng 7:\n\
        a) Văn phòng Sở:\n\
        - Tham mưu tổ chức hội nghị sơ kết 6 tháng trước ngày 15/7/2026.\n\
        - Phối hợp với Phòng KHTC lập dự toán kinh phí năm 2027.\n\
        b) Phòng Kế hoạch - Tài chính: Hoàn thành quyết toán trong tháng 7.\n\
        c) Trung tâm CNTT&TT chủ trì, phối hợp với Sở Tài chính nâng cấp cổng dịch vụ công; \
        hoàn thành trước 30/7/2026.\n\
        Văn phòng Sở thông báo để các đơn vị biết, thực hiện./.\n\
        Nơi nhận:\n- Như trên;\n- Các phòng, đơn vị thuộc Sở;\n- Lưu: VT.";
    let x = extract(text, d(2026, 6, 5), &office());
    let got: Vec<_> = x
        .directives
        .iter()
        .map(|p| (lead(p).unwrap_or("-"), p.deadline))
        .collect();
    assert_eq!(
        got,
        [
            ("Văn phòng Sở", Some(d(2026, 7, 15))),
            // The head's month is the term of its items that name none.
            ("Văn phòng Sở", Some(d(2026, 7, 31))),
            ("Phòng Kế hoạch - Tài chính", Some(d(2026, 7, 31))),
            (
                "Trung tâm Công nghệ thông tin và Truyền thông",
                Some(d(2026, 7, 30))
            ),
        ],
        "{:#?}",
        x.directives
    );
    assert_eq!(
        x.directives[1].coordinating_units[0].name,
        "Phòng Kế hoạch - Tài chính"
    );
    assert_eq!(x.directives[3].coordinating_units[0].name, "Sở Tài chính");
    assert_eq!(x.directives[3].content, "Nâng cấp cổng dịch vụ công");
    assert_eq!(x.meeting.chair.as_deref(), Some("Đỗ Văn Bình"));
    assert_eq!(x.meeting.date, Some(d(2026, 6, 5)));
}

#[test]
fn several_units_addressed_at_once() {
    let text =
        "Kết luận: đề nghị Văn phòng Sở, Thanh tra Sở và Sở Nội vụ phối hợp rà soát quy chế.";
    let x = extract(text, d(2026, 3, 1), &office());
    let p = &x.directives[0];
    assert_eq!(lead(p), Some("Văn phòng Sở"));
    let names: Vec<_> = p
        .coordinating_units
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(names, ["Thanh tra Sở", "Sở Nội vụ"]);
    assert_eq!(p.content, "Phối hợp rà soát quy chế");
}

#[test]
fn items_say_where_each_proposal_comes_from() {
    let items = [
        "Cơ bản thống nhất với báo cáo của Văn phòng Sở.",
        "Giao Thanh tra Sở kiểm tra bản quyền phần mềm; hoàn thành trong tháng 12.",
        "Văn phòng Sở tham mưu kế hoạch năm 2027.",
    ];
    let x = extract_items(&items, d(2026, 11, 5), &office());
    let got: Vec<_> = x.directives.iter().map(|p| (p.item, lead(p))).collect();
    assert_eq!(
        got,
        [
            (Some(1), Some("Thanh tra Sở")),
            (Some(2), Some("Văn phòng Sở"))
        ]
    );
    assert_eq!(x.directives[0].deadline, Some(d(2026, 12, 31)));
}

#[test]
fn the_task_starts_after_lead_and_coordinators_and_a_colon() {
    let text = "Giao Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở: rà soát quy chế làm việc. \
        Thời hạn hoàn thành: trước ngày 07/02/2027.";
    let x = extract(text, d(2026, 11, 20), &office());
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert_eq!(x.directives[0].content, "Rà soát quy chế làm việc");
    assert_eq!(
        x.directives[0].deadline,
        Some(d(2027, 2, 7)),
        "the deadline sentence belongs to the task"
    );
}

#[test]
fn numbered_items_run_together_on_one_line() {
    let text = "Kết luận:1. Giao Văn phòng Sở rà soát quy chế.2. Thanh tra Sở kiểm tra phiên bản 1.0. Hết.";
    let x = extract(text, d(2026, 11, 20), &office());
    let contents: Vec<_> = x.directives.iter().map(|p| p.content.as_str()).collect();
    assert_eq!(contents, ["Rà soát quy chế", "Kiểm tra phiên bản 1.0"]);
}

#[test]
fn a_deadline_after_the_list_covers_the_items_without_one() {
    let text = "Giám đốc Sở giao Văn phòng Sở các nhiệm vụ sau:\n\
        - Rà soát quy chế làm việc;\n\
        - Tổng hợp báo cáo năm, xong trước ngày 10/12;\n\
        - Chuẩn bị hội nghị tổng kết.\n\
        Các nhiệm vụ trên hoàn thành trong tháng này.";
    let x = extract(text, d(2026, 11, 20), &office());
    let got: Vec<_> = x.directives.iter().map(|p| p.deadline).collect();
    assert_eq!(
        got,
        [
            Some(d(2026, 11, 30)),
            Some(d(2026, 12, 10)),
            Some(d(2026, 11, 30))
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn the_conclusions_start_where_the_chair_opens_them_not_at_the_heading() {
    let text = "KẾT LUẬN CỦA GIÁM ĐỐC SỞ\n\
        Ngày 04/02/2027, Sở tổ chức họp giao ban tháng 2 do đồng chí Lê Văn Bình chủ trì.\n\
        Sau khi nghe các phòng báo cáo, Giám đốc Sở kết luận như sau:\n\
        1. Thanh tra Sở phối hợp với Phòng Thông tin - Báo chí - Xuất bản kiểm tra hoạt động quảng cáo; thời gian hoàn thành trước 30/6.\n\
        2. Văn phòng Sở tổng hợp ý kiến các phòng, trình Giám đốc Sở trước ngày 20/02/2027.\n\
        Đề nghị các phòng, đơn vị triển khai thực hiện nghiêm túc.\n";
    let x = extract(text, d(2027, 2, 4), &office());
    assert_eq!(x.directives.len(), 2, "{:#?}", x.directives);
    assert_eq!(lead(&x.directives[0]), Some("Thanh tra Sở"));
    assert_eq!(x.directives[0].content, "Kiểm tra hoạt động quảng cáo");
    // The deadline said in its own clause belongs to the task before it.
    assert_eq!(x.directives[0].deadline, Some(d(2027, 6, 30)));
    assert_eq!(x.directives[1].deadline, Some(d(2027, 2, 20)));
    // "tổng hợp" is not a meeting, and a deadline date is not the meeting's date.
    assert_eq!(x.meeting.date, Some(d(2027, 2, 4)));
}

#[test]
fn a_deadline_date_is_not_taken_for_the_meeting_date() {
    let text = "Kết luận của Phó Giám đốc Sở tại cuộc họp giao ban tháng 9:\n\
        - Đề nghị Phòng Kế hoạch - Tài chính phối hợp với Văn phòng Sở rà soát dự toán năm 2028, trình Sở trước ngày 15/10/2027.\n";
    let x = extract(text, d(2027, 9, 10), &office());
    assert_eq!(x.directives.len(), 1);
    assert_eq!(x.directives[0].deadline, Some(d(2027, 10, 15)));
    assert_eq!(x.meeting.date, None);
}

#[test]
fn deadline_clauses_leave_the_task_and_a_division_has_two_names() {
    let text = "Giao Phòng Thanh tra hoàn thiện hồ sơ thanh tra chuyên đề, xong trước 30/6.\n\
        Trung tâm CNTT&TT nâng cấp cổng thông tin điện tử (thời gian hoàn thành: 15/8).\n\
        Văn phòng Sở tổng hợp báo cáo trong 02 tuần tới.";
    let x = extract(text, d(2026, 6, 2), &office());
    let got: Vec<_> = x
        .directives
        .iter()
        .map(|p| (p.content.as_str(), lead(p), p.deadline))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Hoàn thiện hồ sơ thanh tra chuyên đề",
                Some("Thanh tra Sở"),
                Some(d(2026, 6, 30))
            ),
            (
                "Nâng cấp cổng thông tin điện tử",
                Some("Trung tâm Công nghệ thông tin và Truyền thông"),
                Some(d(2026, 8, 15))
            ),
            (
                "Tổng hợp báo cáo trong 02 tuần tới",
                Some("Văn phòng Sở"),
                Some(d(2026, 6, 16))
            ),
        ]
    );
}

#[test]
fn a_list_head_gives_its_unit_and_period_to_the_items() {
    let text = "Kết luận cuộc họp, đồng chí Chủ tịch nhấn mạnh một số nhiệm vụ trọng tâm tháng 8 như sau:\n\
        - Hoàn thành việc rà soát hồ sơ đất đai tồn đọng;\n\
        - Đẩy mạnh tuyên truyền phòng chống thiên tai, xong trước 20/8.\n\
        Giao các phòng chuyên môn thực hiện các nhiệm vụ sau: tổng hợp số liệu điều tra hộ nghèo; lập danh sách đối tượng hỗ trợ.";
    let x = extract(text, d(2026, 7, 30), &office());
    assert_eq!(x.directives.len(), 4, "{:#?}", x.directives);
    assert_eq!(x.directives[0].deadline, Some(d(2026, 8, 31)));
    assert_eq!(x.directives[1].deadline, Some(d(2026, 8, 20)));
    assert_eq!(lead(&x.directives[2]), Some("các phòng chuyên môn"));
    assert_eq!(lead(&x.directives[3]), Some("các phòng chuyên môn"));
}

#[test]
fn also_before_a_circumstance_leaves_the_subject_and_period_to_the_items() {
    // "Cũng" ("also") opens the sentence before its time, as "Cũng tại cuộc họp, …" does.
    let text = "Cũng trong tháng 8 này, Văn phòng Sở sẽ tập trung hoàn thiện quy chế làm việc; \
        tăng cường công tác văn thư, lưu trữ; đẩy mạnh ứng dụng chữ ký số.";
    let x = extract(text, d(2026, 8, 3), &office());
    assert_eq!(x.directives.len(), 3, "{:#?}", x.directives);
    for p in &x.directives {
        assert_eq!(lead(p), Some("Văn phòng Sở"), "{:#?}", x.directives);
        assert_eq!(p.deadline, Some(d(2026, 8, 31)));
    }
}

#[test]
fn points_after_noi_dung_that_open_with_a_task_are_tasks() {
    let text = "Tại cuộc họp đã quán triệt các nội dung: nghiêm túc thực hiện các quy định về an toàn thông tin; \
        kích hoạt phương án ứng cứu sự cố; rà soát thiết bị dự phòng của Trung tâm.\n\
        Hội nghị cũng thảo luận các nội dung: dự thảo quy chế làm việc; báo cáo tổng kết năm.";
    let x = extract(text, d(2026, 5, 4), &office());
    let words: Vec<&str> = x.directives.iter().map(|p| p.content.as_str()).collect();
    assert_eq!(
        words,
        [
            "Nghiêm túc thực hiện các quy định về an toàn thông tin",
            "Kích hoạt phương án ứng cứu sự cố",
            "Rà soát thiết bị dự phòng của Trung tâm"
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_unit_written_word_for_word_is_that_unit_before_one_read_through_initials() {
    // The directory holds the body twice, once with "BCĐ" and once spelled out.
    let dir =
        Directory::from_names(&["Cơ quan Thường trực BCĐ", "Cơ quan thường trực Ban chỉ đạo"]);
    let text = "Kết luận, đồng chí Phó Chủ tịch yêu cầu Cơ quan Thường trực BCĐ khẩn trương rà soát các nhiệm vụ đã được giao.";
    let x = extract(text, d(2026, 9, 10), &dir);
    assert_eq!(
        given(&x),
        [(
            Some("Cơ quan Thường trực BCĐ"),
            "Khẩn trương rà soát các nhiệm vụ đã được giao"
        )],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_time_said_between_the_verb_and_the_unit_without_a_comma() {
    let text = "Kết luận, Giám đốc Sở nhấn mạnh trong 6 tháng cuối năm 2026 Văn phòng Sở cần tập trung hoàn thiện quy chế làm việc.";
    let x = extract(text, d(2026, 6, 19), &office());
    assert_eq!(
        given(&x),
        [(
            Some("Văn phòng Sở"),
            "Cần tập trung hoàn thiện quy chế làm việc"
        )],
        "{:#?}",
        x.directives
    );
    assert_eq!(x.directives[0].deadline, Some(d(2026, 12, 31)));
}

#[test]
fn a_commune_named_alone_after_it_was_named_whole() {
    let dir = Directory::from_names(&["UBND huyện", "UBND xã Nguyên Phúc", "UBND xã Quân Bình"]);
    let text = "Theo báo cáo của UBND xã Nguyên Phúc, sản xuất vụ đông cơ bản hoàn thành. Kết luận, đồng chí Chủ tịch UBND huyện yêu cầu trong thời gian tới xã cần tập trung triển khai kế hoạch sản xuất vụ xuân.";
    let x = extract(text, d(2026, 2, 28), &dir);
    assert_eq!(
        lead(&x.directives[0]),
        Some("UBND xã Nguyên Phúc"),
        "{:#?}",
        x.directives
    );
}

#[test]
fn what_was_given_before_a_comma_hands_out_nothing() {
    // "… các lĩnh vực được giao, đẩy mạnh …": said of what the unit holds, not a verb that
    // gives the task after it; the second task is cut off as after any long first one.
    let dir = Directory::from_names(&["Cục Thuế thành phố"]);
    let text = "Cục Thuế thành phố tăng cường công tác chống thất thu ngân sách trên tất cả các \
        lĩnh vực được giao, đẩy mạnh công tác thu hồi nợ đọng trong các tháng còn lại năm 2019.";
    let x = extract(text, d(2019, 11, 1), &dir);
    assert_eq!(
        given(&x),
        [
            (
                Some("Cục Thuế thành phố"),
                "Tăng cường công tác chống thất thu ngân sách trên tất cả các lĩnh vực được giao"
            ),
            (
                Some("Cục Thuế thành phố"),
                "Đẩy mạnh công tác thu hồi nợ đọng trong các tháng còn lại năm 2019"
            )
        ],
        "{:#?}",
        x.directives
    );
    assert_eq!(x.directives[1].deadline, Some(d(2019, 12, 31)));
}

#[test]
fn those_addressed_as_cac_dong_chi_are_given_the_item() {
    // An item opening with "Các đồng chí …" names whom it is given to, not a speaker whose
    // words are told ("Đồng chí X nêu …"), nor those who attended ("Tham dự có các đồng chí …").
    let dir = Directory::from_names(&["UBND xã Tân Hương"]);
    let text = "Tham dự có các đồng chí lãnh đạo UBND xã Tân Hương. Đồng chí Chủ tịch UBND xã nêu \
        tính chất nguy hiểm của cơn bão, phân công nhiệm vụ cho từng thành viên:\n\
        1. Các đồng chí công chức về tại thôn xóm mình sinh hoạt, thành lập các tổ công tác tới tận các hộ dân.\n\
        2. Duy trì các tổ phản ứng nhanh.\n";
    let x = extract(text, d(2017, 9, 14), &dir);
    let contents: Vec<&str> = x.directives.iter().map(|p| p.content.as_str()).collect();
    assert_eq!(
        contents,
        [
            "Các đồng chí công chức về tại thôn xóm mình sinh hoạt, thành lập các tổ công tác tới tận các hộ dân",
            "Duy trì các tổ phản ứng nhanh"
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn units_named_after_a_comma_with_a_verb_of_their_own_get_a_task() {
    // After a task with its verb, ", Công an, Quân sự và Tư pháp cần phối hợp …" and ", Đài
    // Truyền thanh xã tăng cường …" are those units' tasks; not after a sentence's frame
    // ("Chiều 26/7, dưới sự chủ trì của …, UBND xã tổ chức …").
    let dir = Directory::from_names(&[
        "các ấp",
        "Công an",
        "Quân sự",
        "Tư pháp",
        "Đài Truyền thanh xã",
        "UBND xã",
    ]);
    let text = "Chiều 26/7, dưới sự chủ trì của đồng chí Chủ tịch UBND xã về công tác tuyển quân, \
        UBND xã tổ chức phiên họp thường kỳ. Kết luận, Chủ tịch đề nghị các ấp rà soát lại các \
        trường hợp bỏ địa phương, Công an, Quân sự và Tư pháp cần phối hợp chặt chẽ trong việc xử lý \
        công dân chống khám, Đài Truyền thanh xã tăng cường công tác tuyên truyền.";
    let x = extract(text, d(2019, 11, 21), &dir);
    assert_eq!(
        given(&x),
        [
            (Some("các ấp"), "Rà soát lại các trường hợp bỏ địa phương"),
            (
                Some("Công an"),
                "Cần phối hợp chặt chẽ trong việc xử lý công dân chống khám"
            ),
            (
                Some("Đài Truyền thanh xã"),
                "Tăng cường công tác tuyên truyền"
            )
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn caring_for_and_making_conditions_are_tasks() {
    // "Chăm lo …", "Tạo điều kiện …": verbs of a task as conclusions give them (seen in
    // three and five texts of the fixtures).
    let dir = Directory::from_names(&["Hội đồng nghĩa vụ quân sự xã"]);
    let text = "Kết luận, Chủ tịch yêu cầu Hội đồng nghĩa vụ quân sự xã tập trung tuyên truyền. \
        Chăm lo tốt chính sách hậu phương quân đội. Tạo điều kiện thuận lợi nhất cho thanh niên đi khám.";
    let x = extract(text, d(2019, 11, 5), &dir);
    let contents: Vec<&str> = x.directives.iter().map(|p| p.content.as_str()).collect();
    assert_eq!(
        contents,
        [
            "Tập trung tuyên truyền",
            "Chăm lo tốt chính sách hậu phương quân đội",
            "Tạo điều kiện thuận lợi nhất cho thanh niên đi khám"
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_count_stated_is_a_report_not_a_task() {
    // "… là 2.880 thanh niên", "… gồm 12 người": figures told; "Thành lập 2 chốt … gồm 40
    // người" opens with its verb and says what to make.
    let dir = Directory::from_names(&["Ban Chỉ huy quân sự huyện"]);
    let text = "Tổng thực lực nam thanh niên trong độ tuổi thực hiện nghĩa vụ toàn huyện là 2.880 thanh niên.\n\
        Kết luận, Chủ tịch đề nghị:\n\
        - Thành lập 2 chốt kiểm soát tại 2 điểm gồm 40 người.\n\
        + Điểm chốt 2 tại cổng làng thôn Quan Sơn gồm 12 người.\n";
    let x = extract(text, d(2021, 5, 10), &dir);
    let contents: Vec<&str> = x.directives.iter().map(|p| p.content.as_str()).collect();
    assert_eq!(
        contents,
        ["Thành lập 2 chốt kiểm soát tại 2 điểm gồm 40 người"],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_leader_asking_opens_the_conclusions_though_no_unit_is_named() {
    // "Phó Chủ tịch … đề nghị tăng cường …" after the report: tasks, though the first names no
    // unit and a later paragraph gives one to a named unit; "Trưởng Ban chỉ đạo chủ trì
    // cuộc họp" is no leader asking.
    let dir = Directory::from_names(&["ngành Y tế"]);
    let text = "Đồng chí Phó Chủ tịch UBND tỉnh, Trưởng Ban chỉ đạo chủ trì cuộc họp.\n\n\
        Tại cuộc họp, các sở báo cáo công tác phòng, chống dịch.\n\n\
        Phó Chủ tịch UBND tỉnh Tôn Thị Ngọc Hạnh đề nghị tăng cường quản lý dân cư ở các địa phương.\n\n\
        Phó Chủ tịch UBND tỉnh cũng đề nghị ngành Y tế lên kịch bản diễn tập phòng, chống dịch.\n";
    let x = extract(text, d(2021, 5, 10), &dir);
    assert_eq!(
        given(&x),
        [
            (None, "Tăng cường quản lý dân cư ở các địa phương"),
            (
                Some("ngành Y tế"),
                "Ngành Y tế lên kịch bản diễn tập phòng, chống dịch"
            )
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_head_told_in_the_past_that_then_hands_tasks_out_gives_them() {
    // "… đã nêu lên …, qua đó phân công nhiệm vụ cho từng thành viên …:" opens the items.
    let dir = Directory::from_names(&["UBND xã Tân Hương"]);
    let text = "UBND xã Tân Hương họp Ban chỉ đạo ứng phó với cơn bão số 10.\n\
        Tại cuộc họp, đồng chí Chủ tịch UBND xã, trưởng ban chỉ đạo đã nêu lên tính chất nguy hiểm \
        của cơn bão, qua đó phân công nhiệm vụ cho từng thành viên trong Ban chỉ đạo:\n\
        1. Khuyến cáo bà con chằng néo nhà cửa.\n\
        2. Duy trì các tổ phản ứng nhanh.\n";
    let x = extract(text, d(2017, 9, 14), &dir);
    let contents: Vec<&str> = x.directives.iter().map(|p| p.content.as_str()).collect();
    assert_eq!(
        contents,
        [
            "Khuyến cáo bà con chằng néo nhà cửa",
            "Duy trì các tổ phản ứng nhanh"
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn what_the_meeting_was_held_for_is_no_task() {
    // As "Hội nghị nhằm đánh giá …" opens two dev texts' reports; its items after ";" too.
    let text = "Hội nghị được tổ chức nhằm đánh giá kết quả công tác tháng 11, triển khai nhiệm vụ tháng 12; \
        Đánh giá việc thực hiện các kết luận của Giám đốc Sở; Triển khai các hoạt động phục vụ Tết. \
        Kết luận hội nghị, Giám đốc Sở giao Văn phòng Sở chuẩn bị báo cáo tổng kết năm.";
    let x = extract(text, d(2026, 12, 8), &office());
    assert_eq!(
        given(&x),
        [(Some("Văn phòng Sở"), "Chuẩn bị báo cáo tổng kết năm")],
        "{:#?}",
        x.directives
    );
}

#[test]
fn new_tasks_inside_one_sentence() {
    let text = "Kết luận, Giám đốc Sở giao Văn phòng Sở chuẩn bị hội trường cho hội nghị tổng kết, \
        yêu cầu Thanh tra Sở rà soát các đơn thư còn tồn đọng, đồng thời tham mưu kế hoạch thanh tra năm tới. \
        Các phòng theo chức năng được giao, khẩn trương hoàn thiện báo cáo năm.";
    let x = extract(text, d(2026, 11, 20), &office());
    let leads: Vec<_> = x.directives.iter().map(lead).collect();
    assert_eq!(
        leads,
        [
            Some("Văn phòng Sở"),
            Some("Thanh tra Sở"),
            Some("Thanh tra Sở"),
            Some("Các phòng")
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_general_task_and_its_particulars_after_trong_do() {
    let text = "Phát biểu kết luận, đồng chí Giám đốc yêu cầu các đơn vị tập trung hoàn thành các nhiệm vụ trong 6 tháng cuối năm, \
        trong đó chú trọng kiểm tra an toàn kho lưu trữ; rà soát hợp đồng bảo trì thiết bị.";
    let x = extract(text, d(2026, 7, 2), &office());
    assert_eq!(x.directives.len(), 3, "{:#?}", x.directives);
    for p in &x.directives {
        assert_eq!(lead(p), Some("các đơn vị"));
        assert_eq!(p.deadline, Some(d(2026, 12, 31)));
    }
}

#[test]
fn persons_and_groups_written_in_the_text_lead() {
    let text = "Kết luận, Giám đốc giao Phó Giám đốc Trần Văn Bình chủ trì làm việc với đoàn kiểm tra của Bộ. \
        Chủ tịch yêu cầu Tổ công tác và các thôn khẩn trương thống kê thiệt hại sau bão.";
    let x = extract(text, d(2026, 9, 2), &office());
    let leads: Vec<_> = x.directives.iter().map(lead).collect();
    assert_eq!(
        leads,
        [
            Some("Phó Giám đốc Trần Văn Bình"),
            Some("Tổ công tác và các thôn")
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn what_is_not_a_task_given() {
    // "giao ban" is the meeting; a unit's "đã chỉ đạo" is a report; "Phan Công" is a name;
    // a document's "đề nghị" does not change the lead.
    let text = "Sáng nay, Sở tổ chức họp giao ban tháng 9. Trung tâm CNTT&TT đã chỉ đạo các tổ kỹ thuật trực hệ thống. \
        Ông Phan Công Minh chủ trì cuộc họp.\n\
        Kết luận cuộc họp, Giám đốc giao Văn phòng Sở lập tờ trình đề nghị UBND tỉnh bổ sung kinh phí sửa chữa trụ sở.";
    let x = extract(text, d(2026, 9, 7), &office());
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert_eq!(lead(&x.directives[0]), Some("Văn phòng Sở"));
}

/// Items numbered "(1)" inside a sentence: each part after `;` with its own verb is a task.
#[test]
fn items_numbered_in_parentheses_give_a_task_a_verb() {
    let text = "Kết luận, Chủ tịch yêu cầu các cơ quan, đơn vị, địa phương: (1) Tăng cường kiểm tra phòng cháy; \
        rà soát phương án cứu nạn; (2) Đẩy nhanh giải ngân vốn đầu tư công; bảo đảm tỷ lệ giải ngân trong năm.";
    let x = extract(text, d(2026, 4, 2), &office());
    assert_eq!(x.directives.len(), 4, "{:#?}", x.directives);
    assert_eq!(x.directives[3].deadline, Some(d(2026, 12, 31)));
    assert_eq!(
        lead(&x.directives[0]),
        Some("các cơ quan, đơn vị, địa phương")
    );
}

#[test]
fn a_short_name_the_text_gives_a_unit() {
    let dir = Directory::from_names(&["Trung tâm Dịch vụ Kỹ thuật Nông nghiệp"]);
    let text = "Trung tâm Dịch vụ Kỹ thuật Nông nghiệp (sau đây gọi tắt là Trung tâm) báo cáo kết quả quý I. \
        Kết luận, đồng chí Phó Giám đốc đề nghị Trung tâm đẩy mạnh cung ứng giống cây trồng.";
    let x = extract(text, d(2026, 4, 2), &dir);
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert_eq!(
        lead(&x.directives[0]),
        Some("Trung tâm Dịch vụ Kỹ thuật Nông nghiệp")
    );
}

#[test]
fn tasks_naming_no_unit_go_to_the_one_the_meeting_was_held_with() {
    let dir = Directory::from_names(&["UBND xã", "Phòng Kinh tế", "Phòng Nội vụ"]);
    let text = "Chiều 12/3, Phó Chủ tịch UBND xã làm việc với Phòng Kinh tế về kế hoạch quý II. \
        Kết luận, đồng chí Phó Chủ tịch yêu cầu:\n\
        1. Rà soát danh mục dự án khởi công trong năm.\n\
        2. Hoàn thiện hồ sơ đất đai của các hộ còn tồn đọng.";
    let x = extract(text, d(2026, 3, 12), &dir);
    assert_eq!(x.directives.len(), 2, "{:#?}", x.directives);
    for p in &x.directives {
        assert_eq!(lead(p), Some("Phòng Kinh tế"), "{p:?}");
    }
    // Two units reported: no one of them is taken for tasks that name none.
    let text = "Phòng Kinh tế báo cáo tiến độ giải ngân; Phòng Nội vụ báo cáo công tác cán bộ. \
        Kết luận, đồng chí Chủ tịch yêu cầu:\n1. Rà soát danh mục dự án khởi công trong năm.";
    let x = extract(text, d(2026, 3, 12), &dir);
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert_eq!(lead(&x.directives[0]), None);
}

#[test]
fn what_follows_an_asking_colon_and_a_topic_is_given() {
    let dir = Directory::from_names(&["Phòng Kinh tế", "các đơn vị thi công"]);
    let text = "Sau khi nghe các đơn vị báo cáo tiến độ, Phó Chủ tịch UBND huyện Trần Văn An đề nghị: \
        đối với các đơn vị thi công tập trung nhân lực, đẩy nhanh tiến độ các công trình, hoàn thành trước Tết Nguyên đán 2027; \
        bảo đảm an toàn lao động trên công trường. Đối với Phòng Kinh tế tăng cường kiểm tra khối lượng vật liệu.";
    let x = extract(text, d(2026, 11, 20), &dir);
    let got: Vec<(Option<&str>, Option<NaiveDate>)> =
        x.directives.iter().map(|p| (lead(p), p.deadline)).collect();
    assert_eq!(
        got,
        [
            (Some("các đơn vị thi công"), Some(d(2027, 2, 6))),
            (Some("các đơn vị thi công"), None),
            (Some("Phòng Kinh tế"), None),
        ],
        "{:#?}",
        x.directives
    );
    assert!(
        !x.directives[0].content.contains("Tết"),
        "{:?}",
        x.directives[0]
    );
}

#[test]
fn tasks_due_by_a_dated_event_and_their_parts() {
    let text = "Hội nghị tổng kết năm dự kiến tổ chức vào ngày 20/12.\n\
        Kết luận cuộc họp, Giám đốc Sở giao Văn phòng Sở chuẩn bị hội trường, tài liệu trước khi \
        khai mạc Hội nghị. Trong đó, Văn phòng Sở tập trung in ấn báo cáo tổng kết và giấy mời đại biểu. \
        Thanh tra Sở tăng cường kiểm tra việc chấp hành quy định về bản quyền.";
    let x = extract(text, d(2026, 12, 1), &office());
    let due: Vec<_> = x.directives.iter().map(|p| p.deadline).collect();
    assert_eq!(
        due,
        [Some(d(2026, 12, 20)), Some(d(2026, 12, 20)), None],
        "{:#?}",
        x.directives
    );
}

#[test]
fn no_conclusion_line_vanishes() {
    // Stored conclusions: each gives a directive or is set aside as none, in its place.
    let items = [
        "Cơ bản thống nhất với báo cáo kết quả tháng 11 của Văn phòng Sở.",
        "Văn phòng Sở rà soát quy chế làm việc, xong trước 30/12.",
        "Thời gian tới cần tiếp tục phát huy tinh thần đoàn kết.",
        "Thanh tra Sở tăng cường kiểm tra bản quyền phần mềm.",
    ];
    let x = extract_items(&items, d(2026, 12, 1), &office());
    let given: Vec<_> = x.directives.iter().map(|p| p.item).collect();
    let aside: Vec<_> = x.set_aside.iter().map(|l| l.item).collect();
    let mut every: Vec<_> = given.iter().chain(&aside).copied().collect();
    every.sort();
    assert_eq!(every, [Some(0), Some(1), Some(2), Some(3)], "{x:#?}");
    assert_eq!(x.set_aside[0].content, items[0]);
    // Pasted numbered lines after a heading: the heading opens them and is no line to keep,
    // nor is the closing formula.
    let text = "Kết luận:\n1. Văn phòng Sở rà soát quy chế làm việc.\n2. Nhất trí với đề xuất của Trung tâm.\n3. Trên đây là kết luận của Giám đốc Sở.";
    let x = extract(text, d(2026, 12, 1), &office());
    assert_eq!(x.directives.len(), 1, "{x:#?}");
    let aside: Vec<_> = x.set_aside.iter().map(|l| l.content.as_str()).collect();
    assert_eq!(aside, ["Nhất trí với đề xuất của Trung tâm."]);
    // Nor is a report's byline after them.
    let text = "Kết luận:\n1. Văn phòng Sở rà soát quy chế làm việc.\nTin, ảnh: Huyền Trang\n(CTV: Khánh Nguyễn)";
    let x = extract(text, d(2026, 12, 1), &office());
    assert!(x.set_aside.is_empty(), "{:#?}", x.set_aside);
    // The report before the conclusions is not set aside.
    let text = "Trong tháng, Văn phòng Sở đã hoàn thành việc cấp chữ ký số.\nKết luận, Giám đốc Sở giao Thanh tra Sở kiểm tra bản quyền phần mềm.";
    let x = extract(text, d(2026, 12, 1), &office());
    assert_eq!(x.directives.len(), 1, "{x:#?}");
    assert!(x.set_aside.is_empty(), "{:#?}", x.set_aside);
}

#[test]
fn tasks_joined_in_one_sentence_refusals_bylines_and_discussions() {
    let m = d(2026, 12, 1);
    let contents = |text: &str| -> Vec<String> {
        extract(text, m, &office())
            .directives
            .into_iter()
            .map(|p| format!("{} | {}", lead(&p).unwrap_or("-"), p.content))
            .collect()
    };
    // ", cùng với đó", an ellipsis before a verb, "và chỉ đạo X" each start a second task.
    assert_eq!(
        contents(
            "Kết luận, Giám đốc Sở đề nghị Văn phòng Sở tham mưu các giải pháp cải cách hành chính, cùng với đó tập trung làm tốt công tác phòng chống dịch bệnh."
        ),
        [
            "Văn phòng Sở | Tham mưu các giải pháp cải cách hành chính",
            "Văn phòng Sở | Tập trung làm tốt công tác phòng chống dịch bệnh"
        ]
    );
    assert_eq!(
        contents(
            "Kết luận, Giám đốc Sở yêu cầu Thanh tra Sở kiểm tra việc thực hiện quy chế có trọng tâm, trọng điểm... đẩy mạnh cải cách hành chính trong thanh tra."
        ),
        [
            "Thanh tra Sở | Kiểm tra việc thực hiện quy chế có trọng tâm, trọng điểm",
            "Thanh tra Sở | Đẩy mạnh cải cách hành chính trong thanh tra"
        ]
    );
    assert_eq!(
        contents(
            "Kết luận, Giám đốc Sở giao Văn phòng Sở trả lời trực tiếp các kiến nghị của người dân và chỉ đạo Thanh tra Sở nghiêm túc tiếp thu, giải quyết các phản ánh."
        ),
        [
            "Văn phòng Sở | Trả lời trực tiếp các kiến nghị của người dân",
            "Thanh tra Sở | Nghiêm túc tiếp thu, giải quyết các phản ánh"
        ]
    );
    // Verbs offices give tasks with: giải thích, nêu rõ, trả lời, kiểm điểm, không để …
    let x = extract(
        "Kết luận, Giám đốc Sở yêu cầu Văn phòng Sở hoàn thiện đề án; giải thích rõ nguyên nhân chậm tiến độ; kiểm điểm trách nhiệm cá nhân liên quan; không để xảy ra sai sót.",
        m,
        &office(),
    );
    assert_eq!(x.directives.len(), 4, "{:#?}", x.directives);
    // A refusal, a byline and what a meeting discussed are no tasks.
    assert!(contents("Kết luận: Không giao Văn phòng Sở rà soát biên chế.").is_empty());
    assert_eq!(
        contents("Kết luận: Thanh tra Sở kiểm tra bản quyền phần mềm.\nThực hiện: Dương Chiêm"),
        ["Thanh tra Sở | Kiểm tra bản quyền phần mềm"]
    );
    assert!(
        contents("Kết luận cuộc họp, các đại biểu thảo luận, cho ý kiến vào các nội dung:\n- Dự thảo Phương án bàn giao các chợ;\n- Đề cương Đề án phát triển du lịch cộng đồng.").is_empty()
    );
}

#[test]
fn subjects_after_connectives_and_purposes_times_said_first_and_details() {
    let m = d(2026, 11, 2);
    let x = extract(
        "Kết luận cuộc họp, Giám đốc Sở đề nghị:\n\
         - Theo đó Văn phòng Sở chủ động rà soát quy chế làm việc.\n\
         - Để hoàn thành mục tiêu năm 2026, Thanh tra Sở cần tăng cường kiểm tra bản quyền.\n\
         - Các phòng thực hiện tốt Nghị quyết số 03-NQ/TU, Kết luận số 02-KL/TU của Tỉnh ủy.\n\
         Đối với nhiệm vụ trong tháng 11/2026, Giám đốc Sở yêu cầu Văn phòng Sở hoàn thiện báo cáo tổng kết. \
         Cụ thể, báo cáo do Văn phòng Sở tổng hợp từ số liệu của các phòng.",
        m,
        &office(),
    );
    let got: Vec<_> = x
        .directives
        .iter()
        .map(|p| (lead(p).unwrap_or("-").to_string(), p.deadline))
        .collect();
    assert_eq!(
        got,
        [
            ("Văn phòng Sở".to_string(), None),
            // The period the task serves is its term.
            ("Thanh tra Sở".to_string(), Some(d(2026, 12, 31))),
            ("Các phòng".to_string(), None),
            ("Văn phòng Sở".to_string(), Some(d(2026, 11, 30))),
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_quoted_term_ends_nothing_and_a_quote_opens_no_subject() {
    let m = d(2022, 4, 5);
    let x = extract(
        "Kết luận, Giám đốc Sở đề nghị: (1) Văn phòng Sở tập trung thực hiện “mục tiêu kép”, vừa phòng chống dịch bệnh vừa phát triển, phấn đấu hoàn thành trong quý II/2022; (2) Thanh tra Sở đẩy nhanh tiến độ kiểm tra bản quyền phần mềm.",
        m,
        &office(),
    );
    let got: Vec<_> = x.directives.iter().map(|p| (lead(p), p.deadline)).collect();
    assert_eq!(
        got,
        [
            (Some("Văn phòng Sở"), Some(d(2022, 6, 30))),
            (Some("Thanh tra Sở"), None)
        ],
        "{:#?}",
        x.directives
    );
    let x = extract(
        "Kết luận, Giám đốc Sở nhấn mạnh: “Văn phòng Sở phải bám sát kế hoạch năm học để triển khai.”",
        m,
        &office(),
    );
    assert_eq!(
        x.directives.first().and_then(lead),
        Some("Văn phòng Sở"),
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_head_giving_tasks_opens_the_conclusions_before_a_later_request() {
    let x = extract(
        "Chủ tịch UBND xã chỉ đạo thực hiện tốt một số nội dung trọng tâm, đó là: Văn phòng Sở tuyên truyền, vận động nhân dân sản xuất vụ đông; Thanh tra Sở tăng cường kiểm tra an toàn thực phẩm, công tác đảng đề nghị đảng ủy chủ động xây dựng kế hoạch năm.",
        d(2022, 10, 3),
        &office(),
    );
    let leads: Vec<_> = x.directives.iter().map(lead).collect();
    assert_eq!(
        &leads[..2],
        [Some("Văn phòng Sở"), Some("Thanh tra Sở")],
        "{:#?}",
        x.directives
    );
}

/// The parts after `;` of a sentence that gave a task, with no verb of the list: a long
/// one is a task of the same unit, a short one goes on naming what the task before covers;
/// no part is lost.
#[test]
fn parts_after_a_semicolon_are_tasks_or_join_the_task_before() {
    let text = "Kết luận cuộc họp, Giám đốc Sở yêu cầu Văn phòng Sở tập trung nhân lực hoàn \
        thiện hồ sơ sửa chữa trụ sở; thi công đúng theo hồ sơ được duyệt, không làm ảnh hưởng \
        đến hoạt động của các phòng và người dân đến giao dịch; thành lập tổ giám sát; tổ \
        thư ký.";
    let x = extract(text, d(2026, 11, 5), &office());
    let got = given(&x);
    assert_eq!(
        got,
        [
            (
                Some("Văn phòng Sở"),
                "Tập trung nhân lực hoàn thiện hồ sơ sửa chữa trụ sở"
            ),
            (
                Some("Văn phòng Sở"),
                "Thi công đúng theo hồ sơ được duyệt, không làm ảnh hưởng đến hoạt động của các phòng và người dân đến giao dịch"
            ),
            (Some("Văn phòng Sở"), "Thành lập tổ giám sát; tổ thư ký"),
        ],
        "{:#?}",
        x.directives
    );
    assert!(x.set_aside.is_empty(), "{:#?}", x.set_aside);
}

/// A request whose tasks follow as marked lines ("… đề nghị:⏎- …;⏎- …") gives one task a
/// line, whatever their verb, to the end of the marked lines.
#[test]
fn a_request_with_its_tasks_as_marked_lines() {
    let text = "Phó Giám đốc Sở đề nghị:\n\
        - Văn phòng Sở tập trung nhân lực hoàn thiện hồ sơ sửa chữa trụ sở;\n\
        - Thi công đúng theo hồ sơ được duyệt;\n\
        - Thi công gọn theo các đoạn, di chuyển vật liệu thừa trong ngày.\n";
    let x = extract(text, d(2026, 11, 5), &office());
    let got = given(&x);
    assert_eq!(
        got,
        [
            (
                Some("Văn phòng Sở"),
                "Tập trung nhân lực hoàn thiện hồ sơ sửa chữa trụ sở"
            ),
            (Some("Văn phòng Sở"), "Thi công đúng theo hồ sơ được duyệt"),
            (
                Some("Văn phòng Sở"),
                "Thi công gọn theo các đoạn, di chuyển vật liệu thừa trong ngày"
            ),
        ]
    );
    assert!(x.set_aside.is_empty(), "{:#?}", x.set_aside);
}

/// Inside an item marked "(1)", a part after `;` with a verb of its own is a task of its own
/// (its deadline with it); a part without one goes on naming what the task before covers.
/// Inside a sentence, a comma before a verb starts a task only after a long first one.
#[test]
fn parts_of_marked_items_and_tasks_after_a_comma() {
    let text = "Kết luận, Giám đốc Sở yêu cầu các phòng, đơn vị: (1) Tập trung thực hiện “mục \
        tiêu kép”, vừa phòng chống dịch bệnh vừa phát triển; rà soát, hoàn thành các nhiệm vụ \
        trọng tâm trong quý II/2022; (2) Văn phòng Sở đẩy nhanh tiến độ giải ngân các dự án; \
        các công trình trọng điểm. Thanh tra Sở tăng cường công tác kiểm tra việc chấp hành \
        pháp luật về bản quyền phần mềm của các cơ quan trên địa bàn tỉnh, đẩy nhanh tiến độ \
        giải quyết đơn thư khiếu nại tồn đọng, rà soát, hoàn thiện quy chế.";
    let x = extract(text, d(2022, 4, 5), &office());
    let got: Vec<_> = x
        .directives
        .iter()
        .map(|p| (lead(p), p.content.as_str(), p.deadline))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("các phòng, đơn vị"),
                "Tập trung thực hiện “mục tiêu kép”, vừa phòng chống dịch bệnh vừa phát triển",
                None
            ),
            (
                Some("các phòng, đơn vị"),
                "Rà soát, hoàn thành các nhiệm vụ trọng tâm trong quý II/2022",
                Some(d(2022, 6, 30))
            ),
            (
                Some("Văn phòng Sở"),
                "Đẩy nhanh tiến độ giải ngân các dự án; các công trình trọng điểm",
                None
            ),
            (
                Some("Thanh tra Sở"),
                "Tăng cường công tác kiểm tra việc chấp hành pháp luật về bản quyền phần mềm của các cơ quan trên địa bàn tỉnh",
                None
            ),
            (
                Some("Thanh tra Sở"),
                "Đẩy nhanh tiến độ giải quyết đơn thư khiếu nại tồn đọng, rà soát, hoàn thiện quy chế",
                None
            ),
        ],
        "{:#?}",
        x.directives
    );
}

/// A comma before how a task is to be done, or before handing in its result, starts no task;
/// nor does a verb inside a unit's name count as the first task's.
#[test]
fn a_comma_before_its_manner_or_its_hand_in_starts_no_task() {
    let dir = Directory::from_names(&[
        "Trung tâm Giám sát, điều hành đô thị thông minh",
        "Phòng Chuyển đổi số",
        "Văn phòng Sở",
    ]);
    for text in [
        "Giao Trung tâm Giám sát, điều hành đô thị thông minh chủ trì, phối hợp với Phòng Chuyển \
         đổi số, Văn phòng Sở: rà soát, đánh giá kết quả công tác thông tin đối ngoại, kịp thời \
         đề xuất tháo gỡ khó khăn, vướng mắc.",
        "Giao Văn phòng Sở chủ trì: hoàn thiện hồ sơ bộ chỉ số đánh giá chuyển đổi số cấp huyện \
         của tỉnh trong năm nay theo hướng dẫn mới nhất của Bộ, bảo đảm chất lượng và đúng tiến \
         độ đề ra.",
        "Giao Văn phòng Sở chủ trì: xây dựng kế hoạch vận hành Trung tâm giám sát điều hành đô \
         thị thông minh của tỉnh trong năm nay theo hướng dẫn của Bộ, trình lãnh đạo Sở xem xét \
         trước khi ban hành.",
    ] {
        let x = extract(text, d(2026, 1, 10), &dir);
        assert_eq!(x.directives.len(), 1, "{text}: {:#?}", x.directives);
    }
}

/// A short part after `;` that joins the task before gives it the deadline it states.
#[test]
fn a_joined_part_gives_its_deadline() {
    let text = "Kết luận, Chủ tịch UBND xã yêu cầu Văn phòng Sở thực hiện tốt công tác quản lý \
        đất đai; rừng phòng hộ nhất là những tháng cuối năm.";
    let x = extract(text, d(2023, 10, 9), &office());
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert_eq!(x.directives[0].deadline, Some(d(2023, 12, 31)));
}

/// A report's head: a news subheading in capitals, an account opened by a time of day, a
/// list of shortcomings; then a period that opens the head of the tasks, a list mark and
/// lines that only name a unit, a circumstance before the subject, "lưu ý" and "có trách
/// nhiệm", a holder before a unit ("Trưởng các phòng …").
#[test]
fn accounts_and_shortcomings_give_none_and_heads_give_their_period_and_unit() {
    let text = "ĐÁNH GIÁ SÁT TỒN TẠI ĐỂ KHẮC PHỤC\n\
        Chiều 26/3, Sở tổ chức họp giao ban quý I. Tuy nhiên, còn một số tồn tại, hạn chế \
        như: Chất lượng báo cáo chưa cao; việc tổng hợp số liệu còn chậm.\n\
        Kết luận cuộc họp, Giám đốc Sở ghi nhận kết quả quý I. Quý II/2026 tập trung thực hiện \
        một số nội dung như sau:\n\
        1. Đối với Văn phòng Sở\n\
        - Rà soát quy chế làm việc.\n\
        - Thanh tra Sở\n\
        + Kiểm tra bản quyền phần mềm.\n\
        Giám đốc Sở lưu ý Phòng Chuyển đổi số rà soát hạ tầng mạng. Trong quá trình rà soát, \
        Trung tâm Công nghệ thông tin và Truyền thông có trách nhiệm bảo mật dữ liệu. Trưởng \
        các phòng chuyên môn bám sát kế hoạch công tác.";
    let dir = Directory::from_names(&[
        "Văn phòng Sở",
        "Thanh tra Sở",
        "Phòng Chuyển đổi số",
        "Trung tâm Công nghệ thông tin và Truyền thông",
        "các phòng chuyên môn",
    ]);
    let x = extract(text, d(2026, 3, 26), &dir);
    let got: Vec<_> = x
        .directives
        .iter()
        .map(|p| (lead(p).unwrap_or("-"), p.content.as_str(), p.deadline))
        .collect();
    let q2 = Some(d(2026, 6, 30));
    assert_eq!(
        got,
        [
            ("Văn phòng Sở", "Rà soát quy chế làm việc", q2),
            ("Thanh tra Sở", "Kiểm tra bản quyền phần mềm", q2),
            ("Phòng Chuyển đổi số", "Rà soát hạ tầng mạng", None),
            (
                "Trung tâm Công nghệ thông tin và Truyền thông",
                "Có trách nhiệm bảo mật dữ liệu",
                None
            ),
            ("các phòng chuyên môn", "Bám sát kế hoạch công tác", None),
        ],
        "{:#?}",
        x.directives
    );
}

/// Found by a tester pasting conclusions as secretaries write them: a head that concludes
/// after the discussion, "Kết luận:" right after a discussion head, `;` parts naming their
/// own unit, short tasks handed by name, a group as subject, praise as an item, and marks
/// no one typed to be read (zero-width space, soft hyphen, an escape sequence).
#[test]
fn conclusions_as_secretaries_paste_them() {
    let dir = Directory::from_names(&[
        "Phòng Y tế",
        "Phòng Nội vụ",
        "Công an huyện",
        "Phòng Tư pháp",
    ]);
    let m = d(2025, 7, 15);
    let got = |text: &str| -> Vec<(String, String)> {
        extract(text, m, &dir)
            .directives
            .iter()
            .map(|p| (lead(p).unwrap_or("-").to_string(), p.content.clone()))
            .collect()
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        got(
            "Sau khi thảo luận, Chủ tịch kết luận như sau:\n1. Giao Phòng Y tế kiểm tra an toàn thực phẩm.\n2. Giao Phòng Nội vụ rà soát biên chế."
        ),
        [
            pair("Phòng Y tế", "Kiểm tra an toàn thực phẩm"),
            pair("Phòng Nội vụ", "Rà soát biên chế")
        ]
    );
    assert_eq!(
        got("Ý kiến thảo luận:\nKết luận:\n1. Giao Phòng Y tế kiểm tra an toàn thực phẩm."),
        [pair("Phòng Y tế", "Kiểm tra an toàn thực phẩm")]
    );
    assert_eq!(
        got(
            "Kết luận: Giao Phòng Y tế kiểm tra an toàn thực phẩm; Công an huyện tuần tra ban đêm; Phòng Nội vụ theo dõi."
        ),
        [
            pair("Phòng Y tế", "Kiểm tra an toàn thực phẩm"),
            pair("Công an huyện", "Tuần tra ban đêm"),
            pair("Phòng Nội vụ", "Theo dõi")
        ]
    );
    assert_eq!(
        got("Kết luận:\nGiao Phòng Y tế kiểm tra. Giao Phòng Tư pháp thẩm định."),
        [
            pair("Phòng Y tế", "Kiểm tra"),
            pair("Phòng Tư pháp", "Thẩm định")
        ]
    );
    assert_eq!(
        got(
            "Kết luận:\n1. Hội nghị đánh giá cao kết quả đạt được trong 6 tháng đầu năm.\n2. Phòng Y tế kiểm tra an toàn thực phẩm.\n3. Các thôn tổ chức họp dân thu Quỹ phòng chống thiên tai."
        ),
        [
            pair("Phòng Y tế", "Kiểm tra an toàn thực phẩm"),
            pair("Các thôn", "Tổ chức họp dân thu Quỹ phòng chống thiên tai")
        ]
    );
    let marked = got(
        "Kết luận: Giao Phòng Y\u{200B} tế kiểm tra an toàn thực phẩm; Phòng Nội v\u{AD}ụ rà soát biên chế \u{1B}]0;X\u{7} hằng tháng.",
    );
    assert_eq!(marked[0], pair("Phòng Y tế", "Kiểm tra an toàn thực phẩm"));
    assert_eq!(marked[1].0, "Phòng Nội vụ");
    assert!(!marked[1].1.chars().any(char::is_control), "{marked:?}");
}

/// A head that asks over "nội dung", and a period said before a head's verb, give their
/// items that period.
#[test]
fn heads_over_contents_and_periods_said_before_them() {
    let m = d(2019, 7, 30);
    for text in [
        "Kết luận hội nghị, Chủ tịch nhấn mạnh một số nội dung trọng tâm tháng 8/2019 như sau:\n\
         - Văn phòng Sở rà soát quy chế làm việc.\n- Thanh tra Sở kiểm tra bản quyền phần mềm.",
        "Về nhiệm vụ tháng 8/2019, Giám đốc Sở đề nghị các phòng tập trung triển khai một số \
         nhiệm vụ: rà soát quy chế làm việc; kiểm tra bản quyền phần mềm.",
    ] {
        let x = extract(text, m, &office());
        let due: Vec<_> = x.directives.iter().map(|p| p.deadline).collect();
        assert_eq!(
            due,
            [Some(d(2019, 8, 31)); 2],
            "{text}: {:#?}",
            x.directives
        );
    }
}

#[test]
fn a_head_inside_a_list_keeps_its_period() {
    let text = "Kết luận hội nghị, Chủ tịch nhấn mạnh một số nội dung trọng tâm tháng 8/2019 như sau:\n\
         - Thanh tra Sở kiểm tra bản quyền phần mềm.\n\
         - Đề nghị Văn phòng Sở :\n\
         + Tiếp tục rà soát quy chế làm việc của cơ quan.\n\
         + Kiểm tra việc chấp hành giờ giấc của cán bộ.";
    let x = extract(text, d(2019, 8, 7), &office());
    let got: Vec<_> = x.directives.iter().map(|p| (lead(p), p.deadline)).collect();
    let august = Some(d(2019, 8, 31));
    assert_eq!(
        got,
        [
            (Some("Thanh tra Sở"), august),
            (Some("Văn phòng Sở"), august),
            (Some("Văn phòng Sở"), august)
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_condition_or_ground_said_first_keeps_its_task_whole() {
    let m = d(2019, 10, 17);
    // "Sau khi …, yêu cầu X …": one task, X's, the condition in its words.
    let x = extract(
        "- Sau khi có kết quả thẩm định điều kiện bồi thường, yêu cầu Văn phòng Sở sớm trình \
         thẩm định phương án bồi thường, hỗ trợ.",
        m,
        &office(),
    );
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert_eq!(lead(&x.directives[0]), Some("Văn phòng Sở"));
    assert!(
        x.directives[0]
            .content
            .contains("trình thẩm định phương án")
    );
    // "Trên cơ sở báo cáo của Y, giao trách nhiệm X …; báo cáo … trước ngày …": X's task,
    // due on the day its report is; "về việc A và xây dựng B" names two things, not two tasks.
    let x = extract(
        "1. Trên cơ sở báo cáo đề xuất của Thanh tra Sở tại báo cáo số 889/BC-TTr ngày \
         09/10/2019, giao trách nhiệm Văn phòng Sở báo cáo Ban Giám đốc và tổ chức công khai lấy \
         ý kiến của cán bộ về việc quy hoạch và xây dựng phòng lưu trữ tại trụ sở; báo cáo Sở \
         trước ngày 22/10/2019.",
        m,
        &office(),
    );
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert_eq!(lead(&x.directives[0]), Some("Văn phòng Sở"));
    assert_eq!(x.directives[0].deadline, Some(d(2019, 10, 22)));
    assert!(x.directives[0].content.contains("lấy ý kiến"));
}

#[test]
fn a_line_naming_its_own_unit_is_no_deadline_of_the_one_before() {
    let x = extract(
        "Kết luận:\n1. Giao Văn phòng Sở gửi báo cáo tổng hợp trước 15g00 ngày 15/8/2024.\n\
         2. Giao Thanh tra Sở hoàn thành trước 16 giờ ngày 12/8/2024.",
        d(2024, 8, 6),
        &office(),
    );
    let got: Vec<_> = x.directives.iter().map(|p| (lead(p), p.deadline)).collect();
    assert_eq!(
        got,
        [
            (Some("Văn phòng Sở"), Some(d(2024, 8, 15))),
            (Some("Thanh tra Sở"), Some(d(2024, 8, 12)))
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_text_too_long_is_refused_before_it_is_read() {
    // 5 MB of "1/1/1…": a token a byte.
    let junk = "1/1/1".repeat(1_000_000);
    let err = check_length(&junk).unwrap_err();
    assert!(
        err.message(crate::lang::Lang::Vi).contains("quá dài"),
        "{}",
        err.message(crate::lang::Lang::Vi)
    );
    // A long meeting text (about 1 MiB) is read.
    let text = "Giao Văn phòng Sở rà soát quy chế làm việc, hoàn thành trước 30/6. ".repeat(15_000);
    assert!(text.len() > 1 << 20);
    check_length(&text).unwrap();
    // A few words of megabytes each.
    let giant = format!("Giao Văn phòng Sở {}", "a".repeat(5 << 20));
    assert!(check_length(&giant).is_err());
}

#[test]
fn the_period_of_the_work_a_task_names_is_its_term() {
    let x = extract(
        "Kết luận Hội nghị, Giám đốc Sở đề nghị Văn phòng Sở tập trung hoàn thành các nhiệm vụ 6 \
         tháng cuối năm theo lĩnh vực được phân công. Thanh tra Sở tham mưu các giải pháp thực \
         hiện nhiệm vụ công tác tháng 02/2021. Phòng Kế hoạch - Tài chính tổng kết kết quả thực \
         hiện nhiệm vụ tháng 01/2021.",
        d(2021, 2, 3),
        &office(),
    );
    let due: Vec<_> = x.directives.iter().map(|p| p.deadline).collect();
    // A period already past is no term.
    assert_eq!(
        due,
        [Some(d(2021, 12, 31)), Some(d(2021, 2, 28)), None],
        "{:#?}",
        x.directives
    );
}

#[test]
fn what_the_meeting_discussed_is_no_task_colon_or_not() {
    let x = extract(
        "Hội nghị cũng thảo luận dự thảo tờ trình của Văn phòng Sở về quy chế làm việc; đề nghị \
         điều chỉnh kế hoạch chuyển đổi số; tổng hợp ý kiến kiến nghị của các đơn vị.\n\
         Kết luận, Giám đốc Sở đề nghị Thanh tra Sở hoàn thiện dự thảo quy chế làm việc.",
        d(2021, 2, 3),
        &office(),
    );
    assert_eq!(
        given(&x),
        [(Some("Thanh tra Sở"), "Hoàn thiện dự thảo quy chế làm việc")],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_time_before_the_first_verb_is_the_term_of_each_task_of_the_sentence() {
    let x = extract(
        "Vì vậy, nhiệm vụ trọng tâm trong tháng 12 là Văn phòng Sở cần nỗ lực hơn nữa để thực \
         hiện tốt các nhiệm vụ mà Giám đốc Sở đã đề ra, đặc biệt chú ý đến công tác cải cách hành \
         chính và kiểm soát thủ tục, quan tâm tới các đối tượng chính sách trên địa bàn tỉnh nhà.",
        d(2019, 12, 6),
        &office(),
    );
    assert!(x.directives.len() >= 2, "{:#?}", x.directives);
    assert!(
        x.directives
            .iter()
            .all(|p| p.deadline == Some(d(2019, 12, 31))),
        "{:#?}",
        x.directives
    );
}

#[test]
fn fragments_and_who_chaired_are_no_tasks() {
    for text in [
        "Kết luận:\n- Của Văn phòng Sở để triển khai thực hiện tốt nhiệm vụ trong những tháng tiếp theo.",
        "Kết luận:\n- Đến một số nhiệm vụ trọng tâm cần triển khai thực hiện thời gian tới.",
        "Kết luận:\n- Để định hướng thực hiện trong thời gian đến.",
        "Kết luận:\n- Sau khi nghe báo cáo của lãnh đạo các phòng, đơn vị.",
        "Kết luận:\n- Chủ trì phiên họp có đồng chí Nguyễn Văn An, Giám đốc Sở.",
    ] {
        let x = extract(text, d(2023, 10, 9), &office());
        assert!(x.directives.is_empty(), "{text}: {:#?}", x.directives);
        // Set aside, not lost.
        assert_eq!(x.set_aside.len(), 1, "{text}: {:#?}", x.set_aside);
    }
}

#[test]
fn numbered_items_keep_their_own_unit_words_and_terms() {
    let m = d(2025, 8, 1);
    // "hoàn thành" a task of its own, and "kết luận" as a task's object: each item is one.
    let x = extract(
        "Kết luận:\n1. Văn phòng Sở rà soát quy chế làm việc của cơ quan.\n\
         2. Văn phòng Sở hoàn thành việc sửa chữa trụ sở trước ngày 30/9.\n\
         3. Thanh tra Sở tiếp tục thanh tra công tác đấu thầu.\n\
         4. Thanh tra Sở hoàn thành kết luận thanh tra năm 2024 trong tháng 8.",
        m,
        &office(),
    );
    let due: Vec<_> = x.directives.iter().map(|p| p.deadline).collect();
    assert_eq!(
        due,
        [None, Some(d(2025, 9, 30)), None, Some(d(2025, 8, 31))],
        "{:#?}",
        x.directives
    );
    // A numbered item's list keeps its period to its own items, not to the next number.
    let x = extract(
        "Kết luận:\n1. Giao Văn phòng Sở thực hiện các nội dung sau trong tháng 01/2026:\n\
         - Rà soát quy chế làm việc;\n- Kiểm tra bản quyền phần mềm.\n\
         2. Thanh tra Sở kiểm tra công tác tiếp công dân.",
        d(2025, 12, 24),
        &office(),
    );
    let due: Vec<_> = x.directives.iter().map(|p| p.deadline).collect();
    let january = Some(d(2026, 1, 31));
    assert_eq!(due, [january, january, None], "{:#?}", x.directives);
    // Numbered lines that report are set aside, not lost.
    let x = extract(
        "Kết luận:\n1. Văn phòng Sở đã hoàn thành việc sửa chữa trụ sở.\n\
         2. Cuộc họp đã nghe Thanh tra Sở báo cáo.\n3. Thanh tra Sở kiểm tra công tác tiếp công dân.",
        m,
        &office(),
    );
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert_eq!(x.set_aside.len(), 2, "{:#?}", x.set_aside);
    // A name outside the directory does not run across a list of units.
    let x = extract(
        &format!(
            "Kết luận: Giao Văn phòng Sở chủ trì, phối hợp với {}rà soát quy chế.",
            "Phòng Nội vụ, Sở Tư pháp, ".repeat(50)
        ),
        m,
        &office(),
    );
    let names: Vec<_> = x.directives[0]
        .coordinating_units
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(names, ["Phòng Nội vụ", "Sở Tư pháp"], "{:#?}", x.directives);
}

#[test]
fn a_time_after_the_asking_verb_a_field_addressed_and_a_schedule_to_come() {
    // "yêu cầu, năm 2020, ngành …": the year is the term of the sentence and the next ones,
    // the field ("ngành Công Thương") their lead; "…, đẩy mạnh …" opens a task of its own.
    let x = extract(
        "Đồng chí Phó Chủ tịch UBND tỉnh yêu cầu, năm 2020, ngành Công Thương bám sát sự chỉ đạo \
         của tỉnh. Thường xuyên rà soát, tham mưu cho UBND tỉnh hoàn thiện các cơ chế, chính \
         sách, đẩy mạnh kêu gọi đầu tư vào các khu công nghiệp của tỉnh.",
        d(2020, 1, 13),
        &office(),
    );
    assert_eq!(x.directives.len(), 3, "{:#?}", x.directives);
    assert!(
        x.directives
            .iter()
            .all(|p| p.deadline == Some(d(2020, 12, 31))),
        "{:#?}",
        x.directives
    );
    assert_eq!(lead(&x.directives[0]), Some("ngành Công Thương"));
    // A day to come opens a task, due that day; a day past, an account.
    let x = extract(
        "Ngày 20/5, Văn phòng Sở tổ chức cuộc họp giao ban.\n\
         Ngày 10/6 Văn phòng Sở hoàn chỉnh báo cáo tóm tắt 6 tháng đầu năm.",
        d(2026, 6, 4),
        &office(),
    );
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert!(x.directives[0].content.contains("hoàn chỉnh báo cáo"));
    assert_eq!(x.directives[0].deadline, Some(d(2026, 6, 10)));
    // A schedule: a range of days is due by its last, and each day after it is its own
    // sentence's, not the range's.
    let x = extract(
        "Chủ tịch đề nghị Văn phòng Sở thực hiện đúng lịch trình đã đề ra.
         Từ ngày 12- 17/6 sẽ tiến hành tiếp xúc cử tri tại các xã, tổng hợp kết quả tiếp xúc. \
         Ngày 21/6, nghe các tổ phản ánh, sau đó gửi văn bản tổng hợp ý kiến cử tri. Ngày 1/7 \
         gửi các báo cáo, tờ trình để thẩm tra.",
        d(2026, 6, 4),
        &office(),
    );
    let due: Vec<_> = x.directives.iter().map(|p| p.deadline).collect();
    assert_eq!(
        due[1..],
        [
            Some(d(2026, 6, 17)),
            Some(d(2026, 6, 21)),
            Some(d(2026, 7, 1))
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn persons_holders_topics_and_coordinators_named_before_their_verb() {
    let x = extract(
        "Kết luận:\n1. Giao đồng chí Phó Giám đốc Nguyễn Thị Hoa chỉ đạo công tác chuẩn bị Đại hội.\n\
         2. Chánh Thanh tra Sở tham mưu kế hoạch thanh tra năm 2026.\n\
         3. Về công tác cải cách hành chính: Văn phòng Sở tiếp tục rà soát thủ tục.\n\
         4. Văn phòng Sở chủ trì, Thanh tra Sở và Phòng Kế hoạch - Tài chính phối hợp rà soát quy chế.",
        d(2025, 12, 24),
        &office(),
    );
    let got: Vec<_> = x
        .directives
        .iter()
        .map(|p| lead(p).unwrap_or("-"))
        .collect();
    assert_eq!(
        got,
        [
            "đồng chí Phó Giám đốc Nguyễn Thị Hoa",
            "Thanh tra Sở",
            "Văn phòng Sở",
            "Văn phòng Sở"
        ],
        "{:#?}",
        x.directives
    );
    // The person given a task is not the chair.
    assert_eq!(x.meeting.chair, None);
    let last = &x.directives[3];
    let with: Vec<_> = last
        .coordinating_units
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(with, ["Thanh tra Sở", "Phòng Kế hoạch - Tài chính"]);
    assert_eq!(last.content, "Rà soát quy chế");
}

#[test]
fn a_web_page_s_stamp_is_no_task() {
    let x = extract(
        "Ngày cập nhật 17/08/2026\nChủ tịch yêu cầu Văn phòng Sở rà soát quy chế.\nNgày đăng 07/12/2026 | 17:23",
        d(2026, 8, 10),
        &office(),
    );
    let got: Vec<_> = x.directives.iter().map(|p| p.content.as_str()).collect();
    assert_eq!(got, ["Rà soát quy chế"], "{:#?}", x.directives);
}

#[test]
fn a_verb_that_opens_a_task_after_a_comma_starts_one_even_short() {
    let text = "Kết luận: Giám đốc Sở yêu cầu Văn phòng Sở thường xuyên rà soát, tham mưu hoàn thiện các quy chế, quy định nội bộ, đẩy mạnh kêu gọi, thu hút nguồn lực xã hội hóa.";
    let x = extract(text, d(2026, 11, 20), &office());
    let g = given(&x);
    assert_eq!(g.len(), 2, "{g:#?}");
    assert!(g[1].1.starts_with("Đẩy mạnh kêu gọi"), "{g:#?}");
    assert!(g.iter().all(|(u, _)| *u == Some("Văn phòng Sở")), "{g:#?}");
    // "tham mưu với …" names whom it serves: no short task of its own.
    let text = "Kết luận: Giám đốc Sở yêu cầu các phòng căn cứ chức năng, nhiệm vụ để chủ động, tích cực ngay từ đầu năm, tham mưu với Tỉnh ủy, Ủy ban lãnh đạo, chỉ đạo thực hiện đạt các chỉ tiêu.";
    let x = extract(text, d(2026, 11, 20), &office());
    let g = given(&x);
    assert!(g.iter().all(|(_, c)| !c.ends_with("đầu năm")), "{g:#?}");
}

#[test]
fn a_notice_s_closing_and_how_often_said_alone_are_no_tasks() {
    let text = "KẾT LUẬN\n1. Văn phòng Sở rà soát quy chế chi tiêu nội bộ. Thực hiện thường xuyên.\n\
        2. Thanh tra Sở kiểm tra việc cấp phép, hoàn thành trước 30/6/2026.\n\
        Sở Thông tin và Truyền thông thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.\n";
    let x = extract(text, d(2026, 5, 4), &office());
    let g = given(&x);
    assert_eq!(g.len(), 2, "{g:#?}");
    assert!(
        g.iter()
            .all(|(_, c)| !c.contains("thường xuyên") || c.contains("quy chế")),
        "{g:#?}"
    );
    assert!(
        x.set_aside
            .iter()
            .any(|a| a.content.contains("thông báo để")),
        "{:#?}",
        x.set_aside
    );
}

#[test]
fn what_a_report_said_and_what_is_planned_are_no_tasks() {
    let text = "Theo báo cáo tại hội nghị, 6 tháng đầu năm, Văn phòng Sở đã triển khai hiệu quả công tác tham mưu. Đồng thời tăng cường công tác thanh tra, kiểm tra. Dự kiến ngày 15/9/2026 tổ chức hội nghị tổng kết.\n\
        Kết luận: Giám đốc Sở yêu cầu Thanh tra Sở tăng cường công tác kiểm tra. Đồng thời rà soát các hồ sơ cấp phép.";
    let x = extract(text, d(2026, 7, 10), &office());
    let g = given(&x);
    assert_eq!(g.len(), 2, "{g:#?}");
    assert!(g.iter().all(|(u, _)| *u == Some("Thanh tra Sở")), "{g:#?}");
    assert!(g[1].1.starts_with("Rà soát"), "{g:#?}");
}

#[test]
fn the_department_named_alone_and_with_its_province() {
    let units = Directory::from_names(&["Sở Tài chính tỉnh Tuyên Quang", "Văn phòng Sở"]);
    let text = "Chủ tịch UBND tỉnh làm việc với Sở Tài chính. Chủ tịch đề nghị Sở khẩn trương ổn định cơ cấu tổ chức. Sở cần phân công lãnh đạo theo năng lực. Văn phòng Sở rà soát quy chế.";
    let x = extract(text, d(2025, 3, 1), &units);
    let g = given(&x);
    assert_eq!(g.len(), 3, "{g:#?}");
    assert_eq!(g[0].0, Some("Sở Tài chính tỉnh Tuyên Quang"), "{g:#?}");
    assert_eq!(g[1].0, Some("Sở Tài chính tỉnh Tuyên Quang"), "{g:#?}");
    assert_eq!(g[2].0, Some("Văn phòng Sở"), "{g:#?}");
    // Two departments named: "Sở" alone is neither.
    let units = Directory::from_names(&["Sở Tài chính", "Sở Nội vụ"]);
    let text = "Chủ tịch làm việc với Sở Tài chính và Sở Nội vụ. Chủ tịch đề nghị Sở khẩn trương ổn định cơ cấu tổ chức.";
    let x = extract(text, d(2025, 3, 1), &units);
    assert!(
        given(&x).iter().all(|(u, _)| u.is_none()),
        "{:#?}",
        given(&x)
    );
}

#[test]
fn the_tasks_of_a_period_before_a_comma_and_a_purpose_before_va() {
    let text = "Sau khi nghe báo cáo, Giám đốc Sở kết luận như sau:\n\
        Nhiệm vụ thời gian tới, Văn phòng Sở chủ động hoàn thành kế hoạch kiểm tra chuyên đề; rà soát các quy chế nội bộ.\n\
        Thanh tra Sở thường xuyên đôn đốc để người dân nắm được và thực hiện các quy định mới.";
    let x = extract(text, d(2025, 10, 8), &office());
    let g = given(&x);
    assert_eq!(g.len(), 3, "{g:#?}");
    assert_eq!(g[0].0, Some("Văn phòng Sở"), "{g:#?}");
    assert!(g[2].1.contains("nắm được và thực hiện"), "{g:#?}");
}

#[test]
fn a_result_told_in_the_passive_is_no_task() {
    let text = "Kết luận: Các hoạt động biểu diễn nghệ thuật, chiếu phim được tổ chức hiệu quả. Công tác an toàn thông tin được đảm bảo. Văn phòng Sở rà soát để các hồ sơ được giải quyết đúng hạn. Các hồ sơ tồn đọng cần được giải quyết trước 30/6/2026.";
    let x = extract(text, d(2026, 5, 4), &office());
    let g = given(&x);
    assert_eq!(g.len(), 2, "{g:#?}");
    assert_eq!(g[0].0, Some("Văn phòng Sở"), "{g:#?}");
    assert!(g[1].1.contains("cần được giải quyết"), "{g:#?}");
}

#[test]
fn a_name_several_units_answer_to_and_numbered_conclusions_of_their_own() {
    let units = Directory::from_names(&[
        "Phòng Văn hóa và Thông tin huyện Bắc Hà",
        "Phòng Văn hóa và Thông tin huyện Bảo Yên",
        "Phòng Kế hoạch - Tài chính",
    ]);
    let text = "Kết luận:\n1. Giao Phòng Văn hóa và Thông tin chủ trì rà soát các điểm truy cập, xong trước 30/9/2025.\n\
        2. Giao Phòng Văn hóa và Thông tin huyện Si Ma Cai chủ trì kiểm tra đài truyền thanh.\n\
        3. Giao Phòng Kế hoạch - Tài chính tổng hợp dự toán.\n\
        4. Tăng cường công tác tuyên truyền về an toàn thông tin.";
    let x = extract(text, d(2025, 9, 3), &units);
    let g = given(&x);
    assert_eq!(g.len(), 4, "{g:#?}");
    // None of the two Phòng: the name as written, no unit of the directory.
    assert_eq!(x.directives[0].lead_unit.as_ref().and_then(|u| u.id), None);
    assert!(
        !matches!(g[0].0, Some(n) if n.contains("Bắc Hà") || n.contains("Bảo Yên")),
        "{g:#?}"
    );
    assert_eq!(
        g[1].0,
        Some("Phòng Văn hóa và Thông tin huyện Si Ma Cai"),
        "{g:#?}"
    );
    assert_eq!(g[2].0, Some("Phòng Kế hoạch - Tài chính"), "{g:#?}");
    assert_eq!(g[3].0, None, "{g:#?}");
}

#[test]
fn numbered_heads_give_their_unit_and_partners_to_their_items_only() {
    let text = "Giám đốc Sở kết luận như sau:\n1. Văn phòng Sở:\na) Rà soát quy chế làm việc.\nb) Tổng hợp báo cáo tháng.\n\
        2. Giao Thanh tra Sở:\na) Kiểm tra hồ sơ cấp phép.\n\
        3. Các Phòng Văn hóa và Thông tin huyện, thị xã, thành phố:\na) Tuyên truyền về chuyển đổi số.\n\
        4. Phòng Kế hoạch - Tài chính chủ trì, phối hợp với Văn phòng Sở:\na) Xây dựng dự toán năm 2026.\n";
    let x = extract(text, d(2025, 9, 3), &office());
    let g = given(&x);
    assert_eq!(g.len(), 5, "{g:#?}");
    assert_eq!(g[0].0, Some("Văn phòng Sở"), "{g:#?}");
    assert_eq!(g[1].0, Some("Văn phòng Sở"), "{g:#?}");
    assert_eq!(g[2].0, Some("Thanh tra Sở"), "{g:#?}");
    // Not Thanh tra Sở's: the head before it is another.
    assert_ne!(g[3].0, Some("Thanh tra Sở"), "{g:#?}");
    assert_eq!(g[4].0, Some("Phòng Kế hoạch - Tài chính"), "{g:#?}");
    let partners: Vec<&str> = x.directives[4]
        .coordinating_units
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(partners, ["Văn phòng Sở"]);
}

#[test]
fn the_party_is_not_a_report_of_work_under_way() {
    // "Đảng" folds as "đang" (under way); only the word with its tone is a report.
    let text = "Kết luận hội nghị, đồng chí Bí thư yêu cầu: Về công tác xây dựng Đảng cần tập trung nâng cao chất lượng sinh hoạt chi bộ; Văn phòng Sở đang rà soát quy chế.\n";
    let x = extract(text, d(2026, 7, 2), &office());
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert!(x.directives[0].content.contains("sinh hoạt chi bộ"));
}

#[test]
fn a_headline_over_the_dated_account_of_the_meeting_is_no_task() {
    let text = "[...]\nTriển khai nhiệm vụ công tác quý III năm 2026\nSáng ngày 02/7/2026, Sở Thông tin và Truyền thông đã tổ chức hội nghị giao ban.\nGiám đốc Sở yêu cầu Văn phòng Sở hoàn thiện quy chế làm việc.\n";
    let x = extract(text, d(2026, 7, 2), &office());
    assert_eq!(
        given(&x),
        [(Some("Văn phòng Sở"), "Hoàn thiện quy chế làm việc")]
    );
}

#[test]
fn an_account_of_a_period_over_gives_no_task_until_the_next_period() {
    // No words say where the conclusions start: the sentences framed by the quarter over
    // (and the rest of their paragraph) tell what was done; the next quarter's give tasks.
    let text = "Quý II năm 2026, hoạt động của ngành có nhiều chuyển biến. Công tác tuyên truyền được tổ chức chu đáo, kịp thời. Tăng cường quản lý các dịch vụ viễn thông.\n\
        Quý III năm 2026, ngành tập trung rà soát hạ tầng mạng.\n";
    let x = extract(text, d(2026, 7, 10), &office());
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert!(x.directives[0].content.contains("rà soát hạ tầng mạng"));
    assert_eq!(x.directives[0].deadline, Some(d(2026, 9, 30)));
    // A year over, said with its year, is that year's half ("6 tháng đầu năm 2025").
    let text = "6 tháng đầu năm 2026, Sở đã làm tốt công tác tuyên truyền. Tăng cường xúc tiến đầu tư.\n\
        Giám đốc Sở lưu ý trong thời gian tới, nhất là 6 tháng cuối năm, Thanh tra Sở cần chú trọng công tác thanh tra chuyên ngành.\n";
    let x = extract(text, d(2026, 7, 10), &office());
    assert_eq!(
        given(&x),
        [(
            Some("Thanh tra Sở"),
            "Cần chú trọng công tác thanh tra chuyên ngành"
        )]
    );
    assert_eq!(x.directives[0].deadline, Some(d(2026, 12, 31)));
}

#[test]
fn the_coming_month_of_a_briefing_held_as_its_month_opens_is_that_month() {
    let text = "Sáng ngày 01/7/2026, Sở tổ chức giao ban tháng 7. Giám đốc Sở nhấn mạnh các nhiệm vụ cần thực hiện trong tháng tới gồm: rà soát hạ tầng mạng; hoàn thiện quy chế làm việc.\n";
    let x = extract(text, d(2026, 7, 1), &office());
    assert_eq!(x.directives.len(), 2, "{:#?}", x.directives);
    assert!(
        x.directives
            .iter()
            .all(|p| p.deadline == Some(d(2026, 7, 31)))
    );
    // Held later in the month, "tháng tới" is the next one.
    let x = extract(text, d(2026, 7, 20), &office());
    assert!(
        x.directives
            .iter()
            .all(|p| p.deadline == Some(d(2026, 8, 31)))
    );
}

#[test]
fn a_sentence_of_no_known_verb_beside_a_task_is_set_aside_not_lost() {
    let text = "Kết luận hội nghị, Giám đốc Sở yêu cầu: Ổn định đời sống người lao động. Văn phòng Sở hoàn thiện quy chế làm việc.\n";
    let x = extract(text, d(2026, 7, 2), &office());
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    let aside: Vec<&str> = x.set_aside.iter().map(|s| s.content.as_str()).collect();
    assert_eq!(aside, ["Ổn định đời sống người lao động."]);
}

#[test]
fn documents_listed_after_a_semicolon_go_on_with_their_task() {
    let text = "Kết luận: Các phòng thực hiện tốt Nghị quyết số 03-NQ/HU của Huyện ủy; Nghị quyết số 02-NQ/ĐU của Đảng ủy xã, Nghị quyết số 03-NQ/ĐU.\n";
    let x = extract(text, d(2026, 7, 2), &office());
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    assert!(x.directives[0].content.ends_with("Nghị quyết số 03-NQ/ĐU"));
}

#[test]
fn lines_wrapped_inside_a_sentence_are_read_as_one() {
    let text = "Kết luận hội nghị, Giám đốc Sở giao Văn phòng Sở hoàn thiện quy chế làm việc và kế\nhoạch cải cách hành chính, trình trước ngày 15/8.\n- Thanh tra Sở rà soát các kiến nghị.\n";
    let x = extract(text, d(2026, 8, 3), &office());
    assert_eq!(
        given(&x),
        [
            (
                Some("Văn phòng Sở"),
                "Hoàn thiện quy chế làm việc và kế hoạch cải cách hành chính, trình trước ngày 15/8"
            ),
            (Some("Thanh tra Sở"), "Rà soát các kiến nghị"),
        ]
    );
    assert_eq!(x.directives[0].deadline, Some(d(2026, 8, 15)));
}

#[test]
fn a_monthly_briefings_tasks_are_due_by_the_end_of_its_month() {
    // "nhiệm vụ tháng M" are due by the end of M unless stated; the month reviewed is not
    // theirs, and a task's own deadline stands.
    let text = "Sở tổ chức họp giao ban đánh giá kết quả tháng 3 và triển khai nhiệm vụ tháng 4 năm 2026. Giám đốc Sở chỉ đạo thực hiện các nhiệm vụ sau:\n\
        1. Văn phòng Sở hoàn thiện quy chế làm việc.\n\
        2. Thanh tra Sở rà soát các kiến nghị, xong trước 15/4.\n";
    let x = extract(text, d(2026, 3, 30), &office());
    assert_eq!(x.directives.len(), 2, "{:#?}", x.directives);
    assert_eq!(x.directives[0].deadline, Some(d(2026, 4, 30)));
    assert_eq!(x.directives[1].deadline, Some(d(2026, 4, 15)));
}

#[test]
fn a_discussion_said_before_the_head_does_not_make_its_items_topics() {
    let text = "Sau khi thảo luận, Thường trực HĐND huyện thống nhất một số nội dung trọng tâm cần thực hiện trong tháng 8 như sau: tổ chức họp rút kinh nghiệm kỳ họp thứ 9; tổ chức họp giao ban với Thường trực HĐND các xã.\n";
    let x = extract(text, d(2026, 7, 24), &office());
    assert_eq!(x.directives.len(), 2, "{:#?}", x.directives);
    assert!(
        x.directives
            .iter()
            .all(|p| p.deadline == Some(d(2026, 8, 31)))
    );
}

#[test]
fn two_capitalised_words_after_a_place_kind_are_a_place_not_a_person() {
    let text = "Trong thời gian tới, cấp ủy, chính quyền Quân Hà tiếp tục chăm sóc lúa mùa.\n";
    let x = extract(text, d(2026, 9, 1), &office());
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    // A person after one keeps their name of three words.
    let text = "Phó Chủ tịch UBND tỉnh Nguyễn Duy Hưng chủ trì cuộc họp.\n";
    let x = extract(text, d(2026, 9, 1), &office());
    assert_eq!(x.meeting.chair.as_deref(), Some("Nguyễn Duy Hưng"));
}

#[test]
fn a_month_just_past_is_no_frame_read_a_year_on() {
    let text = "Kết luận hội nghị, Giám đốc Sở biểu dương kết quả đạt được trong tháng 8 và yêu cầu trong tháng 9, Văn phòng Sở hoàn thiện quy chế làm việc; Thanh tra Sở rà soát hồ sơ.\n";
    let x = extract(text, d(2026, 9, 8), &office());
    let due: Vec<_> = x.directives.iter().map(|p| p.deadline).collect();
    assert_eq!(due, [Some(d(2026, 9, 30)); 2], "{:#?}", x.directives);
}

#[test]
fn a_figure_to_reach_is_a_target_and_a_wrapped_line_goes_on() {
    let text = "Kết luận: Giao Phòng Kế hoạch - Tài chính:\n+ Phối hợp đẩy nhanh giải ngân, bảo đảm đạt 60% kế hoạch vốn trước 30/6/2026;\n\
        + Rà soát hồ sơ theo kết luận của Đoàn kiểm tra của\nTỉnh ủy, xong trong tháng\n7/2026.\n";
    let x = extract(text, d(2026, 6, 2), &office());
    assert_eq!(x.directives.len(), 2, "{:#?}", x.directives);
    assert_eq!(x.directives[0].deadline, Some(d(2026, 6, 30)));
    assert!(
        x.directives[1]
            .content
            .ends_with("Đoàn kiểm tra của Tỉnh ủy")
    );
    assert_eq!(x.directives[1].deadline, Some(d(2026, 7, 31)));
    assert!(x.set_aside.is_empty(), "{:#?}", x.set_aside);
}

#[test]
fn a_unit_that_opens_an_item_leads_it_whatever_its_verb() {
    let text = "Kết luận:\n- Văn phòng Sở hoàn thiện quy chế làm việc.\n- Thanh tra Sở tổng kết công tác thanh tra năm 2026.\n";
    let x = extract(text, d(2026, 9, 8), &office());
    let leads: Vec<_> = x.directives.iter().map(lead).collect();
    assert_eq!(leads, [Some("Văn phòng Sở"), Some("Thanh tra Sở")]);
}

#[test]
fn a_report_said_among_the_conclusions_is_set_aside() {
    let text = "Kết luận: Thanh tra Sở rà soát hồ sơ; Văn phòng Sở đang hoàn thiện quy chế làm việc.\nTrung tâm Công nghệ thông tin và Truyền thông nâng cấp hạ tầng mạng.\n";
    let x = extract(text, d(2026, 9, 8), &office());
    assert_eq!(x.directives.len(), 2, "{:#?}", x.directives);
    let aside: Vec<&str> = x.set_aside.iter().map(|s| s.content.as_str()).collect();
    assert_eq!(aside, ["Văn phòng Sở đang hoàn thiện quy chế làm việc."]);
}

#[test]
fn many_joined_tasks_are_read_as_the_text_goes() {
    // Each "và" looks back in one step: a run of thousands stays linear (timed in
    // docs/benchmarks.md, not here); the words are all kept.
    let text = format!(
        "Kết luận: Văn phòng Sở thực hiện {}rà soát quy chế.",
        "các thủ tục và ".repeat(3000)
    );
    let x = extract(&text, d(2026, 9, 8), &office());
    assert_eq!(x.directives.len(), 1);
    assert!(x.directives[0].content.ends_with("rà soát quy chế"));
}

#[test]
fn the_unit_marked_lead_in_brackets_leads() {
    let text = "Kết luận: Văn phòng Sở phối hợp với Thanh tra Sở (chủ trì) xây dựng kế hoạch kiểm tra, trước ngày 30/9.\n";
    let x = extract(text, d(2026, 9, 8), &office());
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
    let p = &x.directives[0];
    assert_eq!(lead(p), Some("Thanh tra Sở"));
    let partners: Vec<_> = p
        .coordinating_units
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(partners, ["Văn phòng Sở"]);
    assert_eq!(p.deadline, Some(d(2026, 9, 30)));
}

#[test]
fn a_lead_named_alone_before_its_partners_and_the_task() {
    let text = "Kết luận: Giao Trung tâm Công nghệ thông tin và Truyền thông chủ trì; Văn phòng Sở, Phòng Kế hoạch - Tài chính phối hợp xây dựng kế hoạch chuyển đổi số, trước ngày 30/4/2026.\n";
    let x = extract(text, d(2026, 4, 2), &office());
    assert_eq!(
        given(&x),
        [(
            Some("Trung tâm Công nghệ thông tin và Truyền thông"),
            "Xây dựng kế hoạch chuyển đổi số"
        )]
    );
    let partners: Vec<_> = x.directives[0]
        .coordinating_units
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(partners, ["Văn phòng Sở", "Phòng Kế hoạch - Tài chính"]);
    assert_eq!(x.directives[0].deadline, Some(d(2026, 4, 30)));
    // Named alone with no task after it, it stays as written.
    let x = extract(
        "Kết luận: Giao Thanh tra Sở chủ trì.\n",
        d(2026, 4, 2),
        &office(),
    );
    assert_eq!(x.directives.len() + x.set_aside.len(), 1, "{x:#?}");
}

#[test]
fn several_units_named_as_subjects_lead_and_coordinate() {
    let text = "Kết luận:\n\
        1. Văn phòng Sở, Thanh tra Sở và Phòng Kế hoạch - Tài chính rà soát danh mục thủ tục, hạn cuối ngày 20/12.\n\
        2. Trung tâm Công nghệ thông tin và Truyền thông gửi kế hoạch trước thứ Sáu tuần sau.\n";
    let x = extract(text, d(2026, 12, 4), &office());
    let [a, b] = &x.directives[..] else {
        panic!("{:#?}", x.directives)
    };
    assert_eq!(lead(a), Some("Văn phòng Sở"));
    let co: Vec<&str> = a
        .coordinating_units
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(co, ["Thanh tra Sở", "Phòng Kế hoạch - Tài chính"]);
    assert_eq!(a.content, "Rà soát danh mục thủ tục");
    assert_eq!(a.deadline, Some(d(2026, 12, 20)));
    // So with a colon after the list.
    for text in [
        "Văn phòng Sở, Thanh tra Sở: rà soát danh mục thủ tục.",
        "Giao Văn phòng Sở và Thanh tra Sở: rà soát danh mục thủ tục.",
    ] {
        let x = extract(text, d(2026, 12, 4), &office());
        let [a] = &x.directives[..] else {
            panic!("{text}: {:#?}", x.directives)
        };
        assert_eq!(lead(a), Some("Văn phòng Sở"), "{text}");
        let co: Vec<&str> = a
            .coordinating_units
            .iter()
            .map(|u| u.name.as_str())
            .collect();
        assert_eq!(co, ["Thanh tra Sở"], "{text}");
    }
    // A deadline a verb governs stays in the words ("trình trước ngày 15/12" too).
    assert_eq!(b.content, "Gửi kế hoạch trước thứ Sáu tuần sau");
    assert_eq!(b.deadline, Some(d(2026, 12, 11)));
}

#[test]
fn an_abbreviated_place_or_title_does_not_end_the_sentence() {
    let units = Directory::from_names(&["UBND phường 11", "Công an thành phố"]);
    let text = "Ông Hoàng Văn Nam, Chủ tịch UBND TP. Vũng Tàu đề nghị UBND phường 11 thành lập các đoàn, vận động người dân trước ngày 15/12.";
    let x = extract(text, d(2021, 11, 21), &units);
    let [a] = &x.directives[..] else {
        panic!("{:#?}", x.directives)
    };
    assert_eq!(lead(a), Some("UBND phường 11"));
    assert!(a.content.starts_with("Thành lập các đoàn"), "{}", a.content);
    // The same letters at a sentence's end still end it, before a unit's name or the words
    // that give a task too.
    for text in [
        "Công an thành phố báo cáo UBND TP. Trong tháng 12, Công an thành phố tăng cường tuần tra.",
        "Phòng Nội vụ rà soát biên chế, báo cáo UBND TP. Công an Thành phố tăng cường tuần tra.",
        "Phòng Nội vụ rà soát biên chế, báo cáo UBND TP. Giao Công an thành phố tăng cường tuần tra.",
    ] {
        let x = extract(text, d(2021, 11, 21), &units);
        assert!(
            x.directives
                .iter()
                .any(|p| p.content.starts_with("Tăng cường tuần tra")),
            "{text}: {:#?}",
            x.directives
        );
    }
}

#[test]
fn a_deadline_said_first_leaves_the_unit_named_after_it() {
    let text = "KẾT LUẬN\n\
        1. Trước ngày 20/6, Phòng Kế hoạch - Tài chính hoàn thành báo cáo quyết toán.\n\
        2. Ngày mai, Văn phòng Sở kiểm tra công tác phòng cháy tại trụ sở.\n\
        3. Chậm nhất ngày 30/6, Thanh tra Sở tổng hợp kết quả thanh tra.\n\
        4. Đến hết tháng 7, Văn phòng Sở trình dự thảo quy chế.\n\
        5. Trong ngày, Thanh tra Sở gửi báo cáo nhanh.\n\
        6. Văn phòng Sở rà soát hồ sơ lưu trữ để hoàn thành trước ngày 30/6.\n";
    let x = extract(text, d(2026, 6, 10), &office());
    let got: Vec<(Option<&str>, Option<NaiveDate>)> =
        x.directives.iter().map(|p| (lead(p), p.deadline)).collect();
    assert_eq!(
        got,
        [
            (Some("Phòng Kế hoạch - Tài chính"), Some(d(2026, 6, 20))),
            (Some("Văn phòng Sở"), Some(d(2026, 6, 11))),
            (Some("Thanh tra Sở"), Some(d(2026, 6, 30))),
            (Some("Văn phòng Sở"), Some(d(2026, 7, 31))),
            (Some("Thanh tra Sở"), Some(d(2026, 6, 10))),
            (Some("Văn phòng Sở"), Some(d(2026, 6, 30))),
        ],
        "{:#?}",
        x.directives
    );
    assert!(
        x.directives.iter().all(|p| !p.content.contains(", ")),
        "{:#?}",
        x.directives
    );
    assert_eq!(x.directives[5].content, "Rà soát hồ sơ lưu trữ");
    // A day alone tells when something happens: no lead-in of a deadline.
    let x = extract(
        "Ngày 24/6, Văn phòng Sở tổ chức hội nghị sơ kết.",
        d(2026, 6, 10),
        &office(),
    );
    assert!(
        x.directives
            .iter()
            .all(|p| p.content.starts_with("Ngày 24/6")),
        "{:#?}",
        x.directives
    );
}

#[test]
fn units_joined_to_the_subject_and_a_list_left_open() {
    let text = "KẾT LUẬN\n\
        1. Văn phòng Sở cùng Thanh tra Sở rà soát quy chế chi tiêu nội bộ.\n\
        2. Phòng Kế hoạch - Tài chính với Văn phòng Sở kiểm tra công tác mua sắm.\n\
        3. Văn phòng Sở, Thanh tra Sở,... tăng cường kiểm tra công vụ.\n\
        4. Thanh tra Sở cùng thực hiện kiểm tra việc tiếp công dân.\n";
    let x = extract(text, d(2026, 6, 10), &office());
    let got: Vec<(Option<&str>, Vec<&str>, &str)> = (x.directives.iter())
        .map(|p| {
            let c = p
                .coordinating_units
                .iter()
                .map(|u| u.name.as_str())
                .collect();
            (lead(p), c, p.content.as_str())
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("Văn phòng Sở"),
                vec!["Thanh tra Sở"],
                "Rà soát quy chế chi tiêu nội bộ"
            ),
            (
                Some("Phòng Kế hoạch - Tài chính"),
                vec!["Văn phòng Sở"],
                "Kiểm tra công tác mua sắm"
            ),
            (
                Some("Văn phòng Sở"),
                vec!["Thanh tra Sở"],
                "Tăng cường kiểm tra công vụ"
            ),
            (
                Some("Thanh tra Sở"),
                vec![],
                "Thanh tra Sở cùng thực hiện kiểm tra việc tiếp công dân"
            ),
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_group_of_kinds_takes_the_bodies_of_each_place() {
    let x = extract(
        "Các phòng, ban chuyên môn, UBND các xã rà soát danh sách hộ nghèo.",
        d(2026, 6, 10),
        &office(),
    );
    assert_eq!(
        given(&x),
        [(
            Some("Các phòng, ban chuyên môn, UBND các xã"),
            "Rà soát danh sách hộ nghèo"
        )],
        "{:#?}",
        x.directives
    );
    assert!(x.directives[0].coordinating_units.is_empty());
}

#[test]
fn a_task_verb_after_what_a_directing_verb_asks_opens_a_task() {
    // No task verb after "chỉ đạo": the second task after the comma is one of its own.
    let x = extract(
        "Chính quyền xã tiếp tục chỉ đạo nhân dân chăm sóc lúa và các loại cây màu vụ mùa, \
         chủ động phòng trừ sâu bệnh.",
        d(2026, 6, 10),
        &office(),
    );
    let contents: Vec<&str> = x.directives.iter().map(|d| d.content.as_str()).collect();
    assert_eq!(contents.len(), 2, "{contents:#?}");
    assert!(
        contents[1].starts_with("Chủ động phòng trừ sâu bệnh"),
        "{contents:#?}"
    );
    // Units named after the verb are not the task's words: "phối hợp, tham mưu" is one task.
    let x = extract(
        "Yêu cầu Văn phòng Sở phối hợp, tham mưu tổ chức thành công hội nghị tổng kết năm.",
        d(2026, 6, 10),
        &office(),
    );
    assert_eq!(x.directives.len(), 1, "{:#?}", x.directives);
}

#[test]
fn a_person_called_by_name_or_a_longer_written_addressee_is_given_the_task() {
    // "đồng chí Tiến PCT": a given name after the title, a post in capitals after it.
    for (text, lead) in [
        (
            "Giao đồng chí Tiến PCT phụ trách 12 tổ dân phố.",
            "đồng chí Tiến PCT",
        ),
        (
            "Chủ tịch yêu cầu đồng chí Hùng hoàn thiện các nội dung liên quan đến kỳ họp.",
            "đồng chí Hùng",
        ),
        (
            "Chủ tịch yêu cầu các đồng chí trong thường trực và các Ban HĐND huyện hoàn thiện \
             các nội dung liên quan đến kỳ họp.",
            "các đồng chí trong thường trực và các Ban HĐND huyện",
        ),
    ] {
        let x = extract(text, d(2026, 6, 10), &office());
        assert_eq!(x.directives.len(), 1, "{text}: {:#?}", x.directives);
        let got = x.directives[0].lead_unit.as_ref().map(|u| u.name.as_str());
        assert_eq!(got, Some(lead), "{text}");
    }
    // Things to see to after "lưu ý các" are not whom the task is given to.
    let x = extract(
        "Văn phòng Sở khẩn trương rà soát các nhiệm vụ trong tháng 12. Đặc biệt lưu ý các \
         nhiệm vụ còn tồn đọng, ách tắc để tổng hợp, báo cáo Giám đốc Sở.",
        d(2026, 6, 10),
        &office(),
    );
    let leads: Vec<Option<&str>> = (x.directives.iter())
        .map(|d| d.lead_unit.as_ref().map(|u| u.name.as_str()))
        .collect();
    assert!(
        leads.iter().all(|l| *l == Some("Văn phòng Sở")),
        "{:#?}",
        x.directives
    );
}

#[test]
fn a_numbered_list_is_read_from_its_first_item() {
    // The list has no head; its third item asks: the items before it are tasks too, never
    // dropped unseen.
    let x = extract(
        "1. Văn phòng Sở xây dựng báo cáo tổng kết.\n2. Thanh tra Sở kiểm tra lễ hội.\n\
         3. Đề nghị Phòng Kế hoạch - Tài chính bổ sung kinh phí.",
        d(2026, 6, 10),
        &office(),
    );
    let leads: Vec<Option<&str>> = (x.directives.iter())
        .map(|d| d.lead_unit.as_ref().map(|u| u.name.as_str()))
        .collect();
    assert_eq!(
        leads,
        [
            Some("Văn phòng Sở"),
            Some("Thanh tra Sở"),
            Some("Phòng Kế hoạch - Tài chính")
        ],
        "{:#?}",
        x.directives
    );
}

#[test]
fn sending_the_notice_of_the_conclusions_is_a_task() {
    for line in [
        "Văn phòng Sở gửi Thông báo kết luận đến các đơn vị.",
        "Văn phòng Sở sao gửi kết luận này tới các đơn vị.",
        "Văn phòng Sở đăng tải thông báo kết luận trên Cổng thông tin điện tử.",
    ] {
        let x = extract(
            &format!("1. Thanh tra Sở kiểm tra lễ hội.\n2. {line}"),
            d(2026, 6, 10),
            &office(),
        );
        assert_eq!(x.directives.len(), 2, "{line}: {:#?}", x.directives);
    }
}

#[test]
fn the_minutes_header_gives_the_meeting_s_day() {
    let x = extract(
        "BIÊN BẢN CUỘC HỌP\nThời gian: 08 giờ 00, thứ Hai, ngày 03 tháng 11 năm 2025\n\
         Địa điểm: Phòng họp tầng 3\nKẾT LUẬN\n1. Văn phòng Sở chuẩn bị nội dung họp, xong \
         trước thứ Sáu tuần này.",
        d(2026, 12, 7),
        &office(),
    );
    assert_eq!(x.meeting.date, Some(d(2025, 11, 3)), "{:#?}", x.meeting);
}

#[test]
fn units_named_together_in_a_list_s_head_lead_and_coordinate_each_item() {
    for head in [
        "Giao Văn phòng Sở, Thanh tra Sở:",
        "Giao Văn phòng Sở và Thanh tra Sở:",
        "Giao Văn phòng Sở, Thanh tra Sở (trong quý III):",
    ] {
        let x = extract(
            &format!(
                "{head}\n- Rà soát quy chế làm việc của cơ quan;\n- Kiểm tra công tác văn thư."
            ),
            d(2026, 6, 10),
            &office(),
        );
        assert_eq!(x.directives.len(), 2, "{head}: {:#?}", x.directives);
        for p in &x.directives {
            assert_eq!(
                p.lead_unit.as_ref().map(|u| u.name.as_str()),
                Some("Văn phòng Sở"),
                "{head}"
            );
            let with: Vec<&str> = p
                .coordinating_units
                .iter()
                .map(|u| u.name.as_str())
                .collect();
            assert_eq!(with, ["Thanh tra Sở"], "{head}");
        }
    }
}

#[test]
fn a_line_that_gives_the_task_to_a_name_the_directory_lacks_takes_no_unit_from_above() {
    let x = extract(
        "- Giao Văn phòng Sở rà soát quy chế làm việc.\n- Giao KHTC lập dự toán năm 2026.",
        d(2026, 6, 10),
        &office(),
    );
    let leads: Vec<Option<&str>> = (x.directives.iter())
        .map(|d| d.lead_unit.as_ref().map(|u| u.name.as_str()))
        .collect();
    assert_eq!(leads, [Some("Văn phòng Sở"), None], "{:#?}", x.directives);
}
