"""Texts of publishing an index set (admin/methods.py, templates/method_*.html)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "admin.method.title": "Bộ chỉ số",
        "admin.method.lead": (
            "Công bố bộ chỉ số theo quyết định ban hành: tải lên tệp viết từ phụ lục của quyết định (CSV "
            "hoặc XLSX: mỗi dòng một chỉ số, nhóm đơn vị hoặc mức xếp loại), điền thông tin quyết định, xem "
            "trước trang Phương pháp rồi mới công bố."
        ),
        "admin.method.templates": "Tệp mẫu (8 chỉ số chính, điểm tối đa theo nhóm đơn vị, 4 mức):",
        "admin.method.first": "Năm có bộ chỉ số mới? Công bố bộ chỉ số trước:",
        "admin.method.preview": "Xem trước bộ chỉ số",
        "admin.method.as_shown": "Trang Phương pháp sẽ hiển thị bộ chỉ số như sau:",
        "admin.method.corrections": "Đính chính sẽ được ghi nhận: {count}",
        "admin.method.field_changed": "Nội dung",
        "admin.method.replaces": "Bộ chỉ số cùng mã chưa có kết quả nào dùng: sẽ được thay thế.",
        "admin.method.published": "Bộ chỉ số {code}: {count} chỉ số đã lưu, {corrections} đính chính (phiên bản dữ liệu {version}).",
        "admin.method.see": "Xem trên trang Phương pháp",
        "admin.method.next": "Tiếp theo: nhập phụ lục kết quả theo bộ chỉ số này",
        "admin.method.field.file": "Tệp bộ chỉ số",
        "admin.method.field.code": "Mã bộ chỉ số (chữ thường, số, dấu -; ví dụ qn-dti-2025-qd123)",
        "admin.method.field.name_vi": "Tên bộ chỉ số (tiếng Việt)",
        "admin.method.field.name_en": "Tên tiếng Anh (không bắt buộc)",
        "admin.method.field.issuer": "Cơ quan ban hành",
        "admin.method.field.document": "Quyết định (ví dụ: Quyết định số 123/QĐ-UBND ngày 15/3/2026)",
        "admin.method.field.document_date": "Ngày quyết định như đã ghi (2026, 2026-03 hoặc 2026-03-15; không bắt buộc)",
        "admin.method.field.source_url": "Liên kết đến quyết định",
        "admin.method.field.first_year": "Áp dụng từ năm số liệu (mặc định: năm của quyết định)",
        "admin.method.field.last_year": "Đến năm số liệu (không bắt buộc)",
        "admin.method.field.correct": "Bộ chỉ số đã có kết quả dùng: ghi nhận các thay đổi là đính chính theo quyết định này",
    },
    "en": {
        "admin.method.title": "Index sets",
        "admin.method.lead": (
            "Publish the index set a decision issues: upload the file written from the decision's annex (CSV "
            "or XLSX: one row per index, unit group or class), fill in the decision, check the methodology "
            "page preview, then publish."
        ),
        "admin.method.templates": "Templates (8 main indices, maxima per unit group, 4 levels):",
        "admin.method.first": "A new index set this year? Publish it first:",
        "admin.method.preview": "Index set preview",
        "admin.method.as_shown": "The methodology page will show the set like this:",
        "admin.method.corrections": "Corrections to be recorded: {count}",
        "admin.method.field_changed": "What",
        "admin.method.replaces": "No stored result uses the set of this code yet: it will be replaced.",
        "admin.method.published": "Index set {code}: {count} indices stored, {corrections} correction(s) (data version {version}).",
        "admin.method.see": "See it on the methodology page",
        "admin.method.next": "Next: import the results annex under this set",
        "admin.method.field.file": "Index-set file",
        "admin.method.field.code": "Set code (lower-case letters, digits, -; e.g. qn-dti-2025-qd123)",
        "admin.method.field.name_vi": "Name (Vietnamese)",
        "admin.method.field.name_en": "English name (optional)",
        "admin.method.field.issuer": "Issuer",
        "admin.method.field.document": "Decision (e.g. Quyết định số 123/QĐ-UBND ngày 15/3/2026)",
        "admin.method.field.document_date": "Decision date as printed (2026, 2026-03 or 2026-03-15; optional)",
        "admin.method.field.source_url": "Link to the decision",
        "admin.method.field.first_year": "Applies from data year (default: the decision's year)",
        "admin.method.field.last_year": "Until data year (optional)",
        "admin.method.field.correct": "Results already use the set: record the changes as corrections under this decision",
    },
}
