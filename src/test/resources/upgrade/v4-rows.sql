-- Rows as the release with migrations V1-V4 wrote them (same columns, same JSON documents, same values), for
-- UpgradeFromV4Test. Project e9993fc7... is the development credential's; ids are fixed so the test can find them.

-- A custom presenter (renderable: its engine binding is the Anna look), an image with its main file and tags,
-- the output video of the finished job.
INSERT INTO asset (id, asset_id, project_id, asset_source, asset_name, asset_description, asset_type, asset_state,
    state_before_delete, fail_type, reason, app_user_id, asset_order, sex, language, style_id, voice_provider,
    realtime_voice, model_version, action_editable, with_action_library, engine_binding, extra_meta, shared_config,
    review_config, create_time, update_time)
VALUES ('row-upg-model', 'upg-model', 'e9993fc787d94b6c886cbaa340f9c0f4', 'CUSTOMIZATION', 'upgraded presenter', NULL,
    'HUMAN_MODEL_2D', 'ACTIVED', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'V2', NULL, NULL,
    'avatar:anna:LANDSCAPE', '{"human_model_2d_meta":{"model_resolution":"1080P"}}', NULL, NULL,
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:00:00+00');
INSERT INTO asset (id, asset_id, project_id, asset_source, asset_name, asset_description, asset_type, asset_state,
    state_before_delete, fail_type, reason, app_user_id, asset_order, sex, language, style_id, voice_provider,
    realtime_voice, model_version, action_editable, with_action_library, engine_binding, extra_meta, shared_config,
    review_config, create_time, update_time)
VALUES ('row-upg-image', 'upg-image', 'e9993fc787d94b6c886cbaa340f9c0f4', 'CUSTOMIZATION', 'upgraded logo',
    'kept across the upgrade', 'IMAGE', 'ACTIVED', NULL, NULL, NULL, 'app-user-7', 3, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, '{"material_meta":{"width":64,"height":36}}', NULL, NULL,
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:01:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:02:00+00');
INSERT INTO asset_tag (asset_row, position, tag) VALUES ('row-upg-image', 0, 'upgrade-tag');
INSERT INTO asset_system_property (asset_row, position, prop_key, prop_value)
VALUES ('row-upg-image', 0, 'MATERIAL_IMG', 'Yes');
INSERT INTO asset_file (file_id, asset_row, project_id, file_name, file_md5, file_size, file_type, asset_file_category,
    state, reason, object_key, multipart_upload_id, multipart_count, transcoding_status, create_time, update_time)
VALUES ('upg-image-file', 'row-upg-image', 'e9993fc787d94b6c886cbaa340f9c0f4', 'logo.png', 'AAAAAAAAAAAAAAAAAAAAAA==',
    1234, 'png', 'MAIN', 'CREATED', NULL, 'projects/e9993fc787d94b6c886cbaa340f9c0f4/assets/row-upg-image/upg-image-file.png',
    NULL, NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-01-10 09:01:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:02:00+00');
INSERT INTO asset (id, asset_id, project_id, asset_source, asset_name, asset_description, asset_type, asset_state,
    state_before_delete, fail_type, reason, app_user_id, asset_order, sex, language, style_id, voice_provider,
    realtime_voice, model_version, action_editable, with_action_library, engine_binding, extra_meta, shared_config,
    review_config, create_time, update_time)
VALUES ('row-upg-video', 'upg-video', 'e9993fc787d94b6c886cbaa340f9c0f4', 'CUSTOMIZATION', 'upgrade-succeeded', NULL,
    'VIDEO', 'ACTIVED', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, TIMESTAMP WITH TIME ZONE '2026-01-10 09:12:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:12:00+00');

INSERT INTO video_script (script_id, project_id, script_catalog, script_name, script_description, view_mode,
    model_asset_id, model_asset_type, content, create_time, update_time)
VALUES ('upg-script', 'e9993fc787d94b6c886cbaa340f9c0f4', 'VIDEO_DRAFT', 'upgraded script', 'a draft', 'LANDSCAPE',
    'upg-model', 'HUMAN_MODEL_2D', '{"script_name":"upgraded script","script_description":"a draft","view_mode":"LANDSCAPE","model_asset_id":"upg-model","model_asset_type":"HUMAN_MODEL_2D","shoot_scripts":[{"sequence_no":0,"shoot_script":{"script_type":"TEXT","text_config":{"text":"Kept."}}}]}',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:03:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:03:00+00');

-- Video jobs in every state. The PROCESSING one belongs to a node of the old release that is gone (its lease ran out).
INSERT INTO render_job (job_id, project_id, kind, job_type, state, capability, attempts, lease_owner, lease_until,
    progress_done, progress_total, script_id, output_asset_name, output_asset_id, duration, app_user_id, request, result,
    error_code, error_msg, rendered_by, create_time, update_time, start_time, end_time)
VALUES ('00000000-0000-4000-8000-000000000001', 'e9993fc787d94b6c886cbaa340f9c0f4', 'VIDEO_2D', '2D_DIGITAL_HUMAN_VIDEO',
    'WAITING', 'cpu', 0, NULL, NULL, NULL, NULL, NULL, 'upgrade-waiting', NULL, NULL, 'app-user-7',
    '{"composition":{"model_asset_id":"upg-model","voice_config":{"voice_asset_id":"06a6f6c8c8a54bcb2b14c97f4bc58d38"},"video_config":{"codec":"H264","bitrate":1000,"width":1280,"height":720},"shoot_scripts":[{"sequence_no":0,"shoot_script":{"script_type":"TEXT","text_config":{"text":"Waiting since the old release."},"background_config":[{"background_type":"COLOR","background_color_config":"#1E3A5F"}]}}]},"output_asset_config":{"asset_name":"upgrade-waiting"},"script_audio_keys":{}}',
    NULL, NULL, NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-01-10 09:10:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:10:00+00', NULL, NULL);
INSERT INTO render_job (job_id, project_id, kind, job_type, state, capability, attempts, lease_owner, lease_until,
    progress_done, progress_total, script_id, output_asset_name, output_asset_id, duration, app_user_id, request, result,
    error_code, error_msg, rendered_by, create_time, update_time, start_time, end_time)
VALUES ('00000000-0000-4000-8000-000000000002', 'e9993fc787d94b6c886cbaa340f9c0f4', 'VIDEO_2D', '2D_DIGITAL_HUMAN_VIDEO',
    'PROCESSING', 'cpu', 1, 'old-release-node', TIMESTAMP WITH TIME ZONE '2026-01-10 09:11:30+00', 40, 100, NULL,
    'upgrade-processing', NULL, NULL, NULL,
    '{"composition":{"model_asset_id":"upg-model","voice_config":{"voice_asset_id":"06a6f6c8c8a54bcb2b14c97f4bc58d38","speed":120},"video_config":{"codec":"H264","bitrate":1000,"width":1280,"height":720},"shoot_scripts":[{"sequence_no":0,"shoot_script":{"script_type":"TEXT","text_config":{"text":"Interrupted by the upgrade."}}}]},"output_asset_config":{"asset_name":"upgrade-processing"},"script_audio_keys":{}}',
    NULL, NULL, NULL, 'old-release-node', TIMESTAMP WITH TIME ZONE '2026-01-10 09:11:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:11:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:11:00+00', NULL);
INSERT INTO render_job (job_id, project_id, kind, job_type, state, capability, attempts, lease_owner, lease_until,
    progress_done, progress_total, script_id, output_asset_name, output_asset_id, duration, app_user_id, request, result,
    error_code, error_msg, rendered_by, create_time, update_time, start_time, end_time)
VALUES ('00000000-0000-4000-8000-000000000003', 'e9993fc787d94b6c886cbaa340f9c0f4', 'VIDEO_2D', '2D_DIGITAL_HUMAN_VIDEO',
    'SUCCEED', 'cpu', 1, NULL, NULL, 80, 80, 'upg-script', 'upgrade-succeeded', 'upg-video', 3.2, NULL,
    '{"script_id":"upg-script","composition":{"model_asset_id":"upg-model","video_config":{"codec":"H264","bitrate":1000,"width":1280,"height":720},"shoot_scripts":[{"sequence_no":0,"shoot_script":{"script_type":"TEXT","text_config":{"text":"Kept."}}}]},"output_asset_config":{"asset_name":"upgrade-succeeded"},"callback_config":{"callback_url":"http://127.0.0.1:9/done","auth_type":"NONE"},"script_audio_keys":{}}',
    NULL, NULL, NULL, 'old-release-node', TIMESTAMP WITH TIME ZONE '2026-01-10 09:05:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:12:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:06:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:12:00+00');
INSERT INTO render_job (job_id, project_id, kind, job_type, state, capability, attempts, lease_owner, lease_until,
    progress_done, progress_total, script_id, output_asset_name, output_asset_id, duration, app_user_id, request, result,
    error_code, error_msg, rendered_by, create_time, update_time, start_time, end_time)
VALUES ('00000000-0000-4000-8000-000000000004', 'e9993fc787d94b6c886cbaa340f9c0f4', 'VIDEO_2D', '2D_DIGITAL_HUMAN_VIDEO',
    'FAILED', 'cpu', 1, NULL, NULL, NULL, NULL, NULL, 'upgrade-failed', NULL, NULL, NULL,
    '{"composition":{"model_asset_id":"upg-model","video_config":{"codec":"H264","bitrate":1000,"width":1280,"height":720},"shoot_scripts":[{"sequence_no":0,"shoot_script":{"script_type":"TEXT","text_config":{"text":"Failed."}}}]},"output_asset_config":{"asset_name":"upgrade-failed"},"script_audio_keys":{}}',
    NULL, 'MSS.45000001', 'The file is missing: asset gone-asset does not exist', 'old-release-node',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:04:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:04:30+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:04:10+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:04:30+00');
INSERT INTO render_job (job_id, project_id, kind, job_type, state, capability, attempts, lease_owner, lease_until,
    progress_done, progress_total, script_id, output_asset_name, output_asset_id, duration, app_user_id, request, result,
    error_code, error_msg, rendered_by, create_time, update_time, start_time, end_time)
VALUES ('00000000-0000-4000-8000-000000000005', 'e9993fc787d94b6c886cbaa340f9c0f4', 'VIDEO_2D', '2D_DIGITAL_HUMAN_VIDEO',
    'CANCELED', 'cpu', 0, NULL, NULL, NULL, NULL, NULL, 'upgrade-canceled', NULL, NULL, NULL,
    '{"composition":{"model_asset_id":"upg-model","video_config":{"codec":"H264","bitrate":1000,"width":1280,"height":720},"shoot_scripts":[{"sequence_no":0,"shoot_script":{"script_type":"TEXT","text_config":{"text":"Cancelled."}}}]},"output_asset_config":{"asset_name":"upgrade-canceled"},"script_audio_keys":{}}',
    NULL, NULL, NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-01-10 09:03:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:03:10+00', NULL, TIMESTAMP WITH TIME ZONE '2026-01-10 09:03:10+00');
INSERT INTO render_job (job_id, project_id, kind, job_type, state, capability, attempts, lease_owner, lease_until,
    progress_done, progress_total, script_id, output_asset_name, output_asset_id, duration, app_user_id, request, result,
    error_code, error_msg, rendered_by, create_time, update_time, start_time, end_time)
VALUES ('00000000-0000-4000-8000-000000000006', 'e9993fc787d94b6c886cbaa340f9c0f4', 'VIDEO_2D', '2D_DIGITAL_HUMAN_VIDEO',
    'BLOCK', 'gpu', 0, NULL, NULL, NULL, NULL, NULL, 'upgrade-blocked', NULL, NULL, NULL,
    '{"composition":{"model_asset_id":"upg-model","video_config":{"codec":"H264","bitrate":1000,"width":1280,"height":720},"shoot_scripts":[{"sequence_no":0,"shoot_script":{"script_type":"TEXT","text_config":{"text":"Blocked."}}}]},"output_asset_config":{"asset_name":"upgrade-blocked"},"script_audio_keys":{}}',
    NULL, NULL, NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-01-10 09:02:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:02:00+00', NULL, NULL);

-- TTS previews: waiting, done (its file's key in result), failed.
INSERT INTO render_job (job_id, project_id, kind, job_type, state, capability, attempts, lease_owner, lease_until,
    progress_done, progress_total, script_id, output_asset_name, output_asset_id, duration, app_user_id, request, result,
    error_code, error_msg, rendered_by, create_time, update_time, start_time, end_time)
VALUES ('00000000-0000-4000-8000-000000000011', 'e9993fc787d94b6c886cbaa340f9c0f4', 'TTS_AUDITION', NULL, 'WAITING',
    'cpu', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    '{"text":"Previewed after the upgrade.","emotion":"06a6f6c8c8a54bcb2b14c97f4bc58d38","speed":100}', NULL, NULL, NULL,
    NULL, TIMESTAMP WITH TIME ZONE '2026-01-10 09:20:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:20:00+00', NULL, NULL);
INSERT INTO render_job (job_id, project_id, kind, job_type, state, capability, attempts, lease_owner, lease_until,
    progress_done, progress_total, script_id, output_asset_name, output_asset_id, duration, app_user_id, request, result,
    error_code, error_msg, rendered_by, create_time, update_time, start_time, end_time)
VALUES ('00000000-0000-4000-8000-000000000012', 'e9993fc787d94b6c886cbaa340f9c0f4', 'TTS_AUDITION', NULL, 'SUCCEED',
    'cpu', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1.5, NULL,
    '{"text":"Done before.","emotion":"06a6f6c8c8a54bcb2b14c97f4bc58d38"}',
    '{"keys":["projects/e9993fc787d94b6c886cbaa340f9c0f4/tts/00000000-0000-4000-8000-000000000012.mp3"],"duration_seconds":1.5}',
    NULL, NULL, 'old-release-node', TIMESTAMP WITH TIME ZONE '2026-01-10 09:21:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:21:05+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:21:01+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:21:05+00');
INSERT INTO render_job (job_id, project_id, kind, job_type, state, capability, attempts, lease_owner, lease_until,
    progress_done, progress_total, script_id, output_asset_name, output_asset_id, duration, app_user_id, request, result,
    error_code, error_msg, rendered_by, create_time, update_time, start_time, end_time)
VALUES ('00000000-0000-4000-8000-000000000013', 'e9993fc787d94b6c886cbaa340f9c0f4', 'TTS_AUDITION', NULL, 'FAILED',
    'cpu', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    '{"text":"Failed before.","emotion":"06a6f6c8c8a54bcb2b14c97f4bc58d38"}', NULL, 'MSS.20050034',
    'TTS failed: engine gone', 'old-release-node', TIMESTAMP WITH TIME ZONE '2026-01-10 09:22:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:22:05+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:22:01+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:22:05+00');

-- Callback deliveries of the finished jobs (already settled, so nothing is sent after the upgrade).
INSERT INTO callback_delivery (id, project_id, job_id, url, auth_type, auth_key, body, state, attempts, next_attempt_at,
    lease_owner, lease_until, last_status, last_error, create_time, update_time)
VALUES ('upg-callback-1', 'e9993fc787d94b6c886cbaa340f9c0f4', '00000000-0000-4000-8000-000000000003',
    'http://127.0.0.1:9/done', 'NONE', NULL,
    '{"result":"SUCCEED","asset_id":"upg-video","job_id":"00000000-0000-4000-8000-000000000003"}', 'DELIVERED', 1, NULL,
    NULL, NULL, 200, NULL, TIMESTAMP WITH TIME ZONE '2026-01-10 09:12:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 09:12:01+00');
INSERT INTO callback_delivery (id, project_id, job_id, url, auth_type, auth_key, body, state, attempts, next_attempt_at,
    lease_owner, lease_until, last_status, last_error, create_time, update_time)
VALUES ('upg-callback-2', 'e9993fc787d94b6c886cbaa340f9c0f4', '00000000-0000-4000-8000-000000000004',
    'http://127.0.0.1:9/failed', 'MSS_A', 'secret-key',
    '{"result":"FAILED","job_id":"00000000-0000-4000-8000-000000000004"}', 'FAILED', 8, NULL,
    NULL, NULL, NULL, 'Connection refused', TIMESTAMP WITH TIME ZONE '2026-01-10 09:04:30+00',
    TIMESTAMP WITH TIME ZONE '2026-01-10 09:30:00+00');
