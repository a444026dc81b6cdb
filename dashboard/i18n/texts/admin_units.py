"""Texts of the admin pages for units: publishing unit changes (admin/units.py, templates/unit_*.html) and
unknown unit names in a results preview (admin/unknown_units.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "admin.units.title": "Đơn vị",
        "admin.units.lead": (
            "Công bố thay đổi đơn vị theo văn bản: thêm đơn vị, đổi tên, hợp nhất, chấm dứt, và tên gọi khác "
            "(cách phụ lục ghi tên đơn vị, ví dụ “UBND xã Ba Tơ” là Xã Ba Tơ). Tải lên tệp CSV hoặc XLSX có "
            "cột action (add, rename, merge, split, end, alias), xem trước rồi mới công bố."
        ),
        "admin.units.templates": "Tệp mẫu (mỗi loại thay đổi một dòng):",
        "admin.units.first": "Năm có đơn vị mới, đổi tên hoặc hợp nhất? Công bố đơn vị trước:",
        "admin.units.preview": "Xem trước thay đổi đơn vị",
        "admin.units.will_store": "Sẽ lưu {count} thay đổi như sau (chưa lưu gì):",
        "admin.units.published": "Đã lưu {count} thay đổi đơn vị (phiên bản dữ liệu {version}).",
        "admin.units.next": "Tiếp theo: nhập phụ lục kết quả",
        "admin.units.field.file": "Tệp đơn vị",
        "admin.units.column.row": "Dòng",
        "admin.units.column.action": "Thay đổi",
        "admin.units.column.code": "Mã",
        "admin.units.column.before": "Tên hiện nay",
        "admin.units.column.after": "Tên mới / tên gọi khác",
        "admin.units.column.date": "Từ ngày",
        "admin.units.column.from": "Hợp nhất từ",
        "admin.units.column.basis": "Căn cứ",
        "admin.units.action.add": "Thêm đơn vị",
        "admin.units.action.rename": "Đổi tên",
        "admin.units.action.merge": "Hợp nhất",
        "admin.units.action.split": "Chia tách",
        "admin.units.action.end": "Chấm dứt",
        "admin.units.action.alias": "Tên gọi khác",
        "admin.unknown.title": "Tên đơn vị chưa có trong danh mục: {count}",
        "admin.unknown.lead": (
            "Với mỗi tên dưới đây, chọn: đây là tên gọi khác của một đơn vị gần giống (lưu thành tên gọi khác), "
            "hoặc là đơn vị mới (thêm vào danh mục, căn cứ là văn bản của phụ lục này); hoặc sửa tệp. Lựa chọn "
            "chỉ được lưu cùng lúc với phụ lục khi bấm Công bố."
        ),
        "admin.unknown.choice": "Cách xử lý",
        "admin.unknown.fix_file": "Sửa tệp (không chọn)",
        "admin.unknown.alias": "Tên gọi khác của {unit}",
        "admin.unknown.add_department": "Đơn vị mới: sở, ban, ngành, cơ quan",
        "admin.unknown.add_commune": "Đơn vị mới: xã, phường, đặc khu",
        "admin.unknown.apply": "Áp dụng và kiểm tra lại",
        "admin.unknown.chosen": "Thay đổi đơn vị sẽ lưu cùng phụ lục: {count}",
    },
    "en": {
        "admin.units.title": "Units",
        "admin.units.lead": (
            "Publish unit changes by their documents: add a unit, rename, merge, end, and aliases (how an "
            "annex writes a unit's name, e.g. “UBND xã Ba Tơ” is Xã Ba Tơ). Upload a CSV or XLSX file with "
            "an action column (add, rename, merge, split, end, alias), check the preview, then publish."
        ),
        "admin.units.templates": "Templates (one row per kind of change):",
        "admin.units.first": "New, renamed or merged units this year? Publish the units first:",
        "admin.units.preview": "Unit changes preview",
        "admin.units.will_store": "{count} change(s) will be stored as follows (nothing stored yet):",
        "admin.units.published": "{count} unit change(s) stored (data version {version}).",
        "admin.units.next": "Next: import the results annex",
        "admin.units.field.file": "Units file",
        "admin.units.column.row": "Row",
        "admin.units.column.action": "Change",
        "admin.units.column.code": "Code",
        "admin.units.column.before": "Current name",
        "admin.units.column.after": "New name / alias",
        "admin.units.column.date": "From",
        "admin.units.column.from": "Merged from",
        "admin.units.column.basis": "Legal basis",
        "admin.units.action.add": "Add unit",
        "admin.units.action.rename": "Rename",
        "admin.units.action.merge": "Merge",
        "admin.units.action.split": "Split",
        "admin.units.action.end": "End",
        "admin.units.action.alias": "Alias",
        "admin.unknown.title": "Unit names not in the catalogue: {count}",
        "admin.unknown.lead": (
            "For each name below choose: it is another name of a near unit (stored as an alias), or a new "
            "unit (added to the catalogue, on this annex's document); or fix the file. Choices are stored "
            "only together with the annex, when you publish."
        ),
        "admin.unknown.choice": "What to do",
        "admin.unknown.fix_file": "Fix the file (no choice)",
        "admin.unknown.alias": "Another name of {unit}",
        "admin.unknown.add_department": "New unit: department or agency",
        "admin.unknown.add_commune": "New unit: commune, ward or special zone",
        "admin.unknown.apply": "Apply and check again",
        "admin.unknown.chosen": "Unit changes stored with the annex: {count}",
    },
}
