"""Soles muscle layer: the left sole on the viewer-left (medial side towards x = 50), mirrored.

Landmarks: heel y 6–20, arch 30–50, ball of the foot 58–72, big toe at (40.4, 81).
"""

from __future__ import annotations

from .muscles import muscle

SPEC = [
    muscle("abductor_hallucis", [(40.2, 12.0), (40.6, 22.0), (39.8, 32.0), (40.0, 44.0), (42.5, 55.0),
                                 (43.5, 62.0), (41.2, 63.5), (37.5, 48.0), (36.0, 34.0), (36.4, 18.0)]),
    muscle("flexor_digitorum_brevis", [(30.0, 20.0), (36.8, 20.0), (37.0, 40.0), (36.0, 58.0), (31.5, 60.0),
                                       (29.0, 44.0)]),
    muscle("abductor_digiti_minimi_foot", [(25.9, 14.0), (29.2, 14.0), (29.8, 35.0), (28.8, 50.0), (27.5, 58.0),
                                           (25.0, 62.0), (25.3, 45.0), (26.0, 28.0)]),
    muscle("quadratus_plantae", [(29.0, 12.0), (37.0, 12.0), (36.5, 24.0), (34.5, 38.0), (31.0, 38.0),
                                 (28.8, 25.0)]),
    muscle("flexor_hallucis_brevis", [(36.5, 44.0), (39.8, 46.0), (42.5, 58.0), (42.2, 68.0), (38.5, 68.0),
                                      (37.0, 56.0)]),
    muscle("adductor_hallucis", [(31.0, 46.0), (35.5, 47.0), (39.5, 66.0), (36.0, 69.0), (28.0, 67.5),
                                 (28.5, 64.0), (34.0, 63.5), (32.0, 52.0)]),
    muscle("flexor_digiti_minimi_brevis_foot", [(25.2, 52.0), (27.6, 52.0), (27.5, 66.0), (25.5, 67.0)]),
    muscle("foot_lumbricals", [(30.0, 56.0), (37.0, 56.0), (37.0, 68.0), (29.5, 66.0)]),
    muscle("plantar_interossei", [(28.0, 50.0), (33.5, 50.0), (34.0, 64.0), (28.5, 64.0)]),
]
