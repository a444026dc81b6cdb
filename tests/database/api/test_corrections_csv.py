"""The public corrections.csv goes through the one CSV writer: a hostile correction's cells are neutralised,
checked byte for byte (the writer's own rule: tests/pure/core/test_csv_output.py)."""

from __future__ import annotations

import pytest

from tests.database.api.test_corrections import CORRECTION, corrected  # noqa: F401 - the fixture

HOSTILE_CORRECTION = {
    **CORRECTION,
    "document": '=HYPERLINK("http://evil.example";"123/QĐ-UBND")',
    "old_value": "-95,26",
    "new_value": "96,00;@SUM(1)",
}


@pytest.mark.parametrize("corrected", [HOSTILE_CORRECTION], indirect=True)
def test_public_corrections_csv_neutralises_formulas(client, corrected) -> None:  # noqa: F811 - the fixture
    response = client.get("/api/v1/corrections.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.get_data() == (
        "\ufeffcorrected_at,document,source_url,dataset_id,replaced_dataset_id,unit_code,unit_name_vi,"
        "unit_name_en,year,period,indicator_code,indicator_name_vi,indicator_name_en,field,old_value,new_value\r\n"
        '2026-03-20T08:00:00Z,"\'=HYPERLINK(""http://evil.example"";""123/QĐ-UBND"")",'
        "https://example.invalid/qd-123,dti-2022-corrected,dti-2022,so-noi-vu,Sở Nội vụ,"
        "Department of Home Affairs,2022,2022,DTI_TOTAL,Chỉ số chuyển đổi số (%),"
        'Digital transformation index (%),value,"\'-95,26","96,00;@SUM(1)"\r\n'
    ).encode("utf-8")
